using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Demo;

internal static partial class DemoSite
{
    /// <summary>
    /// The classic one-page homepage: short bio, many news items and a long paper list of which
    /// ten are highlighted, so "show more" and "selected publications" both have work to do.
    /// </summary>
    private static void HomepageStyle(SiteBuilder site)
    {
        const string me = DemoSlugs.HomepageStyle;
        var mira = site[me];
        mira.AboutMarkdown = """
            I am a research scientist at **Lumen Research** in Zurich, where I study how language models read,
            retrieve and reason over long documents. My recent work asks when a model's answer can be traced back
            to the evidence it was given, and how to measure that reliably at scale.

            I received my Ph.D. in Computer Science from Northbridge University, advised by Helena Brandt, and spent
            two summers as an intern at Quartzline Systems and Meridian Labs. Before that I studied mathematics at the
            Technical University of Aldermark.

            **I am looking for research interns for summer 2026.** If you work on long-context evaluation or
            attribution, [write to me](mailto:mira.castellanos@lumen-research.example) with a short note on what
            you would like to build.
            """;
        mira.Links =
        [
            Link(ProfileLinkKind.Cv, "https://mira-castellanos.example.org/cv.pdf", "CV (PDF)"),
            Link(ProfileLinkKind.GoogleScholar, "https://scholar.google.com/citations?user=mCa5tD3moAAJ"),
            Link(ProfileLinkKind.SemanticScholar, "https://www.semanticscholar.org/author/Mira-Castellanos/0000000002"),
            Link(ProfileLinkKind.Dblp, "https://dblp.org/pid/00/0003-demo"),
            Link(ProfileLinkKind.OpenReview, "https://openreview.net/profile?id=~Mira_Castellanos1"),
            Link(ProfileLinkKind.GitHub, "https://github.com/mira-castellanos-demo"),
            Link(ProfileLinkKind.Twitter, "https://x.com/mira_reads_demo"),
            Link(ProfileLinkKind.LinkedIn, "https://www.linkedin.com/in/mira-castellanos-demo"),
        ];
        mira.Education =
        [
            new() { Degree = "Ph.D. in Computer Science", Institution = Northbridge, Location = "Boston, MA, USA", Advisors = "Helena Brandt", Start = Date(2019, 9), End = Date(2024, 6) },
            new() { Degree = "B.Sc. in Mathematics", Institution = Aldermark, Location = "Delft, Netherlands", Start = Date(2015), End = Date(2019) },
        ];
        mira.Positions =
        [
            new() { Title = "Research Scientist", Employer = Lumen, Location = "Zurich, Switzerland", Kind = PositionKind.Job, Start = Date(2024, 9) },
            new()
            {
                Title = "Research Intern", Employer = Meridian, Location = "London, UK", Kind = PositionKind.Internship,
                Start = Date(2022, 6), End = Date(2022, 9),
                DescriptionMarkdown = "Calibrated abstention for retrieval-augmented question answering; the work became a TACL paper.",
            },
            new() { Title = "Research Intern", Employer = Quartzline, Location = "Montréal, Canada", Kind = PositionKind.Internship, Start = Date(2021, 6), End = Date(2021, 9) },
        ];
        mira.News =
        [
            new() { Date = Date(2026, 1, 12), BodyMarkdown = "I will serve as an Area Chair for **ACL 2026**." },
            new() { Date = Date(2025, 12), BodyMarkdown = "Presenting two posters at **NeurIPS 2025**. Come and say hi!" },
            new() { Date = Date(2025, 11), BodyMarkdown = "Gave a talk on evaluating evidence citations at the Aldermark NLP Seminar ([slides](https://mira-castellanos.example.org/slides/attribution-2025.pdf))." },
            new() { Date = Date(2025, 10), BodyMarkdown = "New preprint: [Tessera](/people/mira-castellanos/publications#y2025), verifiable retrieval over long contexts with evidence chains, led by [Anjali Raman](/people/anjali-raman)." },
            new() { Date = Date(2025, 8), BodyMarkdown = "*Attribution Is Not Agreement* was accepted to **EMNLP 2025**!" },
            new() { Date = Date(2025, 5), BodyMarkdown = "*Lost in the Footnotes* will be an **oral presentation** at ACL 2025." },
            new() { Date = Date(2025, 3), BodyMarkdown = "Our MLSys 2025 paper on paged retrieval caches, with [Clara Beaumont](/people/clara-beaumont), is out." },
            new() { Date = Date(2024, 12), BodyMarkdown = "*Fathom* appears in the **NeurIPS 2024** Datasets and Benchmarks track. The data is [on GitHub](https://github.com/fathom-bench-demo/fathom)." },
            new() { Date = Date(2024, 9), BodyMarkdown = "Joined **Lumen Research** in Zurich as a research scientist." },
            new() { Date = Date(2024, 6), BodyMarkdown = "Defended my Ph.D. thesis, *Reading at Length*. Thank you, Helena, and everyone in the Northbridge NLP group!" },
            new() { Date = Date(2024, 5), BodyMarkdown = "*Needles Are Not Enough* received an **Outstanding Paper Award** at NAACL 2024." },
            new() { Date = Date(2024, 2), BodyMarkdown = "Our TACL paper on calibrated abstention is now [available](/people/mira-castellanos/publications#y2024)." },
            new() { Date = Date(2023, 10), BodyMarkdown = "*Cheap Evidence Retrieval with Learned Sparse Indexes* accepted to **EMNLP 2023**." },
            new() { Date = Date(2023, 5), BodyMarkdown = "Our positional analysis of evidence use was accepted to **ACL 2023**." },
            new() { Date = Date(2022, 6), BodyMarkdown = "Starting a summer internship at **Meridian Labs** in London." },
            new() { Date = Date(2021, 9), BodyMarkdown = "Passed my qualifying exam.", IsVisible = false },
        ];
        mira.Awards =
        [
            new() { Title = "Outstanding Paper Award", Issuer = "NAACL 2024", Year = 2024 },
            new() { Title = "Lumen Graduate Fellowship", Issuer = Lumen, Year = 2022, Note = "one of 12 fellows worldwide" },
        ];
        mira.Service =
        [
            new() { Role = "Area Chair", Venue = "ACL", Years = [2025, 2026] },
            new() { Role = "Reviewer / Program Committee Member", Venue = "EMNLP", Years = [2022, 2023, 2024, 2025] },
            new() { Role = "Reviewer / Program Committee Member", Venue = "NeurIPS", Years = [2023, 2024] },
        ];
        mira.Talks =
        [
            new() { Title = "Attribution Is Not Agreement", Host = "Aldermark NLP Seminar", Location = "Delft, Netherlands", Date = Date(2025, 11), SlidesUrl = "https://mira-castellanos.example.org/slides/attribution-2025.pdf" },
            new() { Title = "Reading at Length: What Long-Context Models Miss", Host = Northbridge, Date = Date(2024, 4, 18), VideoUrl = "https://video.northbridge.example/talks/reading-at-length" },
        ];
        mira.Writing =
        [
            new() { ListTitle = "Notes", Title = "A practical checklist for long-context evaluation", Url = "https://mira-castellanos.example.org/notes/long-context-checklist", Date = Date(2025, 2) },
        ];

        site.Paper("@mira-castellanos, Jae-won Park, Helena Brandt†", "Lost in the Footnotes: How Language Models Misread Long Documents", Venues.Acl, 2025, 7)
            .Badge("Oral Presentation")
            .Summary("Long-context models routinely answer from the body of a document while ignoring qualifications in footnotes, tables and appendices. We build a diagnostic suite for this failure and show that a simple evidence-reranking step recovers most of the lost accuracy.")
            .Abstract("Documents such as contracts, clinical guidelines and scientific papers place decisive qualifications outside the main text. We introduce a diagnostic suite of 2,400 questions whose answers change once a footnote, table caption or appendix is taken into account, and evaluate eleven open and closed long-context models. All models degrade sharply on these questions, by up to 31 points, even when the relevant passage is well inside their context window. An analysis of attention and retrieval traces shows that models locate the qualifying passage but fail to integrate it. A lightweight evidence-reranking step that surfaces qualifying passages next to the main claim recovers most of the lost accuracy without retraining.")
            .Arxiv("2500.11873")
            .Doi("10.5555/acl-long.2025.412")
            .Link(PublicationLinkKind.Code, "https://github.com/mira-castellanos-demo/footnotes")
            .Link(PublicationLinkKind.Slides, "https://mira-castellanos.example.org/slides/footnotes-acl2025.pdf")
            .Highlight(me);
        site.Paper("@sofia-marchetti*, @mira-castellanos*, Tomás Ferreira, Helena Brandt", "Attribution Is Not Agreement: Evaluating Evidence Citations in Retrieval-Augmented Generation", Venues.Emnlp, 2025, 11)
            .Summary("Citation checkers that test whether a cited passage agrees with the answer miss citations that are relevant but insufficient. We propose a graded attribution metric and release 6k human judgements in six languages.")
            .Arxiv("2500.04021")
            .Link(PublicationLinkKind.Dataset, "https://huggingface.co/datasets/attribution-demo/graded-attribution", "Data")
            .Highlight(me, "sofia-marchetti");
        site.Paper("@mira-castellanos, @rafael-duarte, Jae-won Park, Helena Brandt†", "Needles Are Not Enough: A Benchmark for Multi-Hop Reasoning over 100k-Token Contexts", Venues.Naacl, 2024, 6)
            .Badge("Outstanding Paper Award")
            .Summary("Needle-in-a-haystack tests saturate quickly. Our benchmark requires chaining three to five facts scattered across 100k tokens, and shows that strong retrieval scores do not imply multi-hop competence.")
            .Abstract("Long-context evaluation is dominated by retrieval probes that ask a model to find a single inserted fact. We argue that such probes overstate capability and introduce a benchmark of 1,800 questions that require composing three to five facts spread across documents of up to 100k tokens. Questions are written and verified by annotators, and distractor facts are constructed to defeat shortcut strategies. Models that score above 95% on single-needle retrieval reach at most 48% on our benchmark, and accuracy falls steadily with the number of hops. We release the benchmark, the generation pipeline and a leaderboard.")
            .Arxiv("2400.16952")
            .Doi("10.5555/naacl-long.2024.221")
            .Link(PublicationLinkKind.Benchmark, "https://needles-benchmark.example.org", "Leaderboard")
            .Link(PublicationLinkKind.Code, "https://github.com/mira-castellanos-demo/needles")
            .Link(PublicationLinkKind.Video, "https://video.example.org/naacl2024/needles")
            .Highlight(me, DemoSlugs.Sparse);
        site.Paper("@mira-castellanos, Helena Brandt", "Calibrated Abstention for Retrieval-Augmented Question Answering", Venues.Tacl, 2024, 2)
            .Summary("A retrieval-augmented model should say \"I don't know\" when its evidence is weak. We train an abstention head on retrieval features and reach the same answer accuracy with half the wrong answers.")
            .Details(volume: "12", pages: "1021–1039", publisher: "MIT Press")
            .Arxiv("2300.04417")
            .Doi("10.5555/tacl.2024.0188")
            .Highlight(me);
        site.Paper("@mira-castellanos, Lukas Brenner, Helena Brandt", "Do Long-Context Models Use the Middle? A Positional Analysis of Evidence Use", Venues.Acl, 2023, 7)
            .Summary("We measure where in a long input the evidence for each answer comes from and find a strong preference for the beginning and end, which fine-tuning on shuffled evidence largely removes.")
            .Arxiv("2300.09981")
            .Doi("10.5555/acl-long.2023.733")
            .Link(PublicationLinkKind.Poster, "https://mira-castellanos.example.org/posters/middle-acl2023.pdf")
            .Highlight(me);
        site.Paper("Lukas Brenner, @mira-castellanos, @tobias-lindqvist, Helena Brandt", "Cheap Evidence Retrieval with Learned Sparse Indexes", Venues.Emnlp, 2023, 12)
            .Summary("Learned sparse indexes match dense retrievers on evidence retrieval for long-document QA at a tenth of the serving cost.")
            .Arxiv("2300.12265")
            .Highlight(me);
        site.Paper("@tobias-lindqvist*, @mira-castellanos*, Amara Nwosu, Daniel Reyes", "Quill: Compressing Prompts without Losing the Plot", Venues.Iclr, 2022, 4)
            .Badge("Oral Presentation")
            .Summary("Quill learns to drop prompt tokens that the model will not attend to, cutting prompt length by 4x with under one point of accuracy loss on long-input tasks.")
            .Arxiv("2100.07724")
            .Link(PublicationLinkKind.Code, "https://github.com/halcyon-labs-demo/quill")
            .Link(PublicationLinkKind.BlogPost, "https://tobias-lindqvist.example.org/blog/quill")
            .Highlight(me, DemoSlugs.LongAbout);
        site.Paper("@mira-castellanos", "Reading at Length: Evaluation and Attribution for Long-Context Language Models", new Venue($"Ph.D. thesis, {Northbridge}", "Ph.D. thesis", PublicationType.Thesis), 2024, 6)
            .Summary("The thesis collects the benchmark, attribution and calibration work into one account of how long-context models use, and fail to use, their input.")
            .Details(publisher: Northbridge)
            .Link(PublicationLinkKind.Pdf, "https://mira-castellanos.example.org/thesis.pdf")
            .Highlight(me);
        site.Paper("@mira-castellanos, Jae-won Park", "A Note on Tokenization Artifacts in Span Extraction", Venues.Repl4Nlp, 2021, 8)
            .Summary("Span-extraction scores shift by up to two points depending on how gold spans are re-tokenized.")
            .HideOn(me);

        foreach (var year in (int[])[2025, 2025, 2024, 2024, 2023, 2023, 2022, 2022, 2021, 2020, 2019, 2018, 2017])
        {
            site.Generated(me, ResearchArea.Nlp, year);
        }
    }
}
