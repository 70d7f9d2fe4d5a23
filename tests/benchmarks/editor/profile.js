'use strict';
// The reference profile the editor benchmark enters: a fictional researcher with a full CV.
// Any likeness to a real person is accidental.

const owner = {
  displayName: 'Tamsin Aldridge',
  givenName: 'Tamsin',
  familyName: 'Aldridge',
  slug: 'tamsin-aldridge',
  email: 'tamsin.aldridge@example.org',
  password: 'benchmark-researcher-password',
};

const basics = {
  headline: 'Associate Professor of Computer Science at the Halden Institute of Technology',
  affiliation: 'Halden Institute of Technology',
  location: 'Bergvik, Norway',
  website: 'https://tamsin-aldridge.example.org',
  interests: 'Speech recognition\nMultilingual NLP\nLow-resource languages\nEvaluation and fairness',
  about: [
    'I am an associate professor at the **Halden Institute of Technology**, where I lead the Spoken ' +
      'Language Group. We build speech and language technology that works for the dialects and ' +
      'languages most systems leave out, and we measure carefully who it still fails.',
    'Before Halden I was a postdoctoral researcher at the Marlow Centre for Speech Sciences and ' +
      'received my Ph.D. from Eastfield University, advised by Rowan Petrakis. My thesis learned ' +
      'pronunciation lexicons from field recordings of endangered languages.',
    'I teach the graduate courses on speech processing and on evaluation methodology. ' +
      '**Prospective students:** I am looking for Ph.D. students with an interest in fieldwork and ' +
      'machine learning; [write to me](mailto:tamsin.aldridge@example.org) with a short note on a ' +
      'language you would like to work on.',
  ].join('\n\n'),
};

// Fictional co-authors, used in turn.
const people = [
  'Ewan Castellane', 'Priya Venkatesan', 'Jonas Fahlberg', 'Mei-Lin Osei', 'Darius Quenneville',
  'Hana Sørbøe', 'Kwame Lindholm', 'Lucía Verhoeven', 'Ayumi Brandvold', 'Oskar Meridew',
  'Fatima Okwuosa', 'Graham Tessaro', 'Ines Halloran', 'Rafiq Bellingham', 'Zofia Kestrel',
  'Thabo Winterbourne', 'Clara Iversholm', 'Mateus Adeyemi', 'Sunniva Rask', 'Bilal Ferreira-Nkemelu',
  'Yara Castellvi', 'Henrik Oyelaran', 'Noemi Stravinsk', 'Tariq Holmgaard', 'Elodie Makarova',
  'Chidi Svanström', 'Ragnhild Obuya', 'Pavel Descartes-Ohm', 'Leilani Brecht', 'Amara Thorsby',
  'Viktor Ngozi-Hale', 'Saoirse Lindqvist-Aung', 'Dmitri Alcántara', 'Wren Okonjo',
];

// Each paper: title, venue (full and short), year, type, author count and where the owner stands.
const paperSpecs = [
  ['Listening Across Dialects: Robust Speech Recognition for Low-Resource Varieties', 'Annual Meeting of the Association for Computational Linguistics', 'ACL', 2024, 'Conference', 7, 0],
  ['Phoneme-Aware Tokenization for Multilingual Speech Models', 'Annual Conference of the International Speech Communication Association', 'Interspeech', 2024, 'Conference', 5, 2],
  ['Sparse Adapters for Fast Language Expansion', 'Conference on Empirical Methods in Natural Language Processing', 'EMNLP', 2023, 'Conference', 9, 0],
  ['A Benchmark of Code-Switched Conversations in Eleven Languages', 'Joint International Conference on Computational Linguistics, Language Resources and Evaluation', 'LREC-COLING', 2024, 'Conference', 11, 4],
  ['When Does Pretraining Help Tonal Languages?', 'Transactions of the Association for Computational Linguistics', 'TACL', 2023, 'Journal', 6, 0],
  ['Calibrated Confidence for Spoken Question Answering', 'Conference of the North American Chapter of the Association for Computational Linguistics', 'NAACL', 2022, 'Conference', 8, 1],
  ['Efficient Streaming Transcription on Edge Devices', 'IEEE International Conference on Acoustics, Speech and Signal Processing', 'ICASSP', 2022, 'Conference', 5, 0],
  ['Learning Pronunciation Lexicons from Field Recordings', 'Computational Linguistics', 'CL', 2021, 'Journal', 6, 0],
  ['Cross-Lingual Transfer for Speech Translation with Minimal Supervision', 'Annual Meeting of the Association for Computational Linguistics', 'ACL', 2021, 'Conference', 10, 6],
  ['Measuring Annotation Disagreement in Speech Emotion Corpora', 'Annual Conference of the International Speech Communication Association', 'Interspeech', 2020, 'Conference', 7, 0],
  ['Self-Training with Noisy Teachers for Accented Speech', 'IEEE International Conference on Acoustics, Speech and Signal Processing', 'ICASSP', 2020, 'Conference', 5, 3],
  ['Toward Fair Evaluation of Speech Systems Across Speaker Groups', 'ACM Conference on Fairness, Accountability, and Transparency', 'FAccT', 2023, 'Conference', 8, 0],
  ['Dialect Identification from a Few Seconds of Audio', 'Workshop on Research in Computational Linguistic Typology and Multilingual NLP', 'SIGTYP', 2019, 'Workshop', 6, 2],
];

let next = 0;
const papers = paperSpecs.map(([title, venueName, venueShort, year, type, count, ownerAt]) => {
  const authors = [];
  for (let i = 0; i < count; i++) {
    authors.push(i === ownerAt ? owner.displayName : people[next++ % people.length]);
  }
  return { title, venueName, venueShort, year, type, authors, ownerAt };
});

const news = [
  '2024-09 Our dialect recognition paper received an Outstanding Paper Award at ACL 2024!',
  '2024-06 Two papers accepted to Interspeech 2024, on tokenization and on accented speech.',
  '2024-02 The code-switching benchmark is out: eleven languages, 400 hours of conversation.',
  '2023-11 Gave a keynote at the Nordic Speech Days on evaluating speech systems fairly.',
  '2023-08 Promoted to associate professor at the Halden Institute of Technology.',
  '2023-05 Welcome to Sunniva Rask and Tariq Holmgaard, who join the group as Ph.D. students.',
  '2022-10 Awarded an Early Career Research Fellowship by the Nordic Research Council.',
  '2022-01 Started the Spoken Language Group at Halden.',
  '2021-07 Our paper on pronunciation lexicons appeared in Computational Linguistics.',
];

const awards = [
  'Outstanding Paper Award — ACL, 2024',
  'Early Career Research Fellowship — Nordic Research Council, 2023',
  'Best Student Paper Award — Interspeech, 2020 (with Hana Sørbøe)',
  'Teaching Excellence Award — Halden Institute of Technology, 2023',
  'Outstanding Reviewer — EMNLP, 2022',
  'Young Researcher Grant — Marlow Centre for Speech Sciences, 2019',
  'Doctoral Dissertation Award — Eastfield University, 2018',
  'Aurora Ph.D. Fellowship in Speech, 2016 (one of 12 in Europe)',
  'Travel Grant — Interspeech, 2015',
];

// Two roles, eight venues in all.
const service = [
  'Reviewer — ACL 2021, 2022, 2023; EMNLP 2022, 2023; NAACL 2024; TACL 2023, 2024; NeurIPS 2022',
  'Program Committee Member — AAAI 2021–2023; IJCAI 2022; COLING 2024',
];
const serviceRoles = 2;
const serviceVenues = 8;

const projects = [
  {
    title: 'Dialect Atlas ASR',
    role: 'Project lead',
    kind: 'Research',
    summary: 'Speech recognition that keeps working when the speaker does not sound like the training data.',
    narrative: 'Most speech recognisers are trained on a handful of standard varieties. **Dialect Atlas** ' +
      'collects recordings from 60 regional varieties with community partners and trains models that ' +
      'degrade gracefully on the ones they have not heard.\n\n' +
      'The project has produced an evaluation suite, two open models and a guide for community ' +
      'recording campaigns.',
    start: 'Sep 2022',
    end: 'present',
    link: 'https://dialect-atlas.example.org',
    related: [0, 11],
  },
  {
    title: 'Switchboard-11',
    role: 'Co-lead',
    kind: 'Open source',
    summary: 'An open benchmark of code-switched conversations in eleven languages.',
    narrative: 'Switchboard-11 pairs speakers who switch between languages in everyday talk and ' +
      'transcribes both languages faithfully.\n\n' +
      'Everything is released under an open licence, with tools to add new language pairs.',
    start: '2023',
    end: '2024',
    link: 'https://github.com/example/switchboard-11',
    related: [3],
  },
  {
    title: 'Field Lexicon Learner',
    role: 'Developer',
    kind: 'Research',
    summary: 'Learns pronunciation dictionaries from untranscribed field recordings.',
    narrative: 'Started as my thesis project: a toolkit that helps linguists turn hours of field ' +
      'recordings into a pronunciation lexicon, with a person checking every uncertain entry.\n\n' +
      'It is used by three documentation projects today.',
    start: '2016',
    end: '2021',
    link: 'https://field-lexicon.example.org',
    related: [7],
  },
];

// What the user does after entering everything.
const listActions = {
  highlight: [0, 2, 4],       // papers to highlight
  movePaper: 8,               // a paper moved one place
  deleteNews: 8,              // the oldest news item
  moveAward: 1,               // an award moved one place
  hideAward: 8,               // an award hidden
};

module.exports = { owner, basics, papers, news, awards, service, serviceRoles, serviceVenues, projects, listActions };
