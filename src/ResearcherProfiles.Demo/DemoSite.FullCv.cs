using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Demo;

internal static partial class DemoSite
{
    /// <summary>
    /// The full CV: education with advisors and partial dates, every kind of position, talks with
    /// slides and video, service roles over several years, and awards with notes.
    /// </summary>
    private static void FullCv(SiteBuilder site)
    {
        const string me = DemoSlugs.FullCv;
        var yusuf = site[me];
        yusuf.AboutMarkdown = """
            I am an associate professor in the Department of Computer Science at Northbridge University, where I
            lead the [Northbridge NLP group](https://nlp.cs.northbridge.example). We study how language models
            represent meaning across languages and how they can know what they do not know.

            Prospective students: please apply through the department and mention my name; I read every application
            but cannot reply to individual emails.
            """;
        yusuf.Links =
        [
            Link(ProfileLinkKind.Cv, "https://cs.northbridge.example/~halvorsen/cv.pdf", "CV (PDF)"),
            Link(ProfileLinkKind.Lab, "https://nlp.cs.northbridge.example", "Northbridge NLP group"),
            Link(ProfileLinkKind.GoogleScholar, "https://scholar.google.com/citations?user=yHalv0rsenAJ"),
            Link(ProfileLinkKind.Dblp, "https://dblp.org/pid/00/0001-demo"),
            Link(ProfileLinkKind.Orcid, "https://orcid.org/0000-0002-1825-0097"),
            Link(ProfileLinkKind.OpenReview, "https://openreview.net/profile?id=~Yusuf_Halvorsen1"),
            Link(ProfileLinkKind.GitHub, "https://github.com/northbridge-nlp-demo"),
        ];
        yusuf.Education =
        [
            new()
            {
                Degree = "Ph.D. in Computer Science", Field = "Natural Language Processing", Institution = Valmont, Location = "Lausanne, Switzerland",
                Advisors = "Reinhard Solberg and Priya Natarajan", Start = Date(2014, 9), End = Date(2019, 8),
                Description = "Thesis: Learning to Parse Across Languages with Little Supervision.",
            },
            new() { Degree = "M.A. in Statistics", Institution = Aldermark, Location = "Delft, Netherlands", Start = Date(2012), End = Date(2014) },
            new() { Degree = "B.Sc. in Computer Science and Mathematics", Institution = "University of Bergenhavn", Location = "Bergen, Norway", Start = Date(2009), End = Date(2012, 6) },
        ];
        yusuf.Positions =
        [
            new()
            {
                Title = "Associate Professor", Employer = $"{Northbridge}, Department of Computer Science", Location = "Boston, MA, USA",
                Kind = PositionKind.Job, Start = Date(2021, 9),
                DescriptionMarkdown = "Teaching *Natural Language Processing* (graduate) and *Machine Learning* (undergraduate).",
            },
            new() { Title = "Scientific Advisor", Employer = Halcyon, Location = "Stockholm, Sweden", Kind = PositionKind.Other, Start = Date(2024, 1) },
            new() { Title = "Postdoctoral Researcher", Employer = Lumen, Location = "Zurich, Switzerland", Kind = PositionKind.Job, Start = Date(2019, 10), End = Date(2021, 8) },
            new()
            {
                Title = "Student Researcher", Employer = Meridian, Location = "London, UK", Kind = PositionKind.StudentResearcher,
                Start = Date(2018, 6), End = Date(2018, 12),
                DescriptionMarkdown = "Cross-lingual semantic parsing for a multilingual voice interface.",
            },
            new() { Title = "Research Intern", Employer = Quartzline, Location = "Montréal, Canada", Kind = PositionKind.Internship, Start = Date(2017, 6), End = Date(2017, 9) },
            new() { Title = "Visiting Researcher", Employer = "Institute for Language Systems", Location = "Edinburgh, UK", Kind = PositionKind.Visiting, Start = Date(2016, 2), End = Date(2016, 5) },
        ];
        yusuf.News =
        [
            new() { Date = Date(2025, 9), BodyMarkdown = "Welcome to three new Ph.D. students joining the group this fall!" },
            new() { Date = Date(2025, 4), BodyMarkdown = "Received an **NSF CAREER Award** for work on uncertainty in multilingual NLP." },
            new() { Date = Date(2024, 11), BodyMarkdown = "Serving as an Area Chair for **ACL 2025**." },
        ];
        yusuf.Talks =
        [
            new()
            {
                Title = "Knowing What You Do Not Know, in Every Language", Host = "Valmont Institute of Technology, Machine Learning Seminar", Location = "Lausanne, Switzerland",
                Date = Date(2025, 10, 2),
                SlidesUrl = "https://cs.northbridge.example/~halvorsen/talks/valmont-2025.pdf",
                VideoUrl = "https://video.valmont.example/ml-seminar/2025-10-02",
            },
            new()
            {
                Title = "Verifiable Long-Context Reasoning", Host = "Meridian Labs", Location = "London, UK", Date = Date(2025, 3),
                SlidesUrl = "https://cs.northbridge.example/~halvorsen/talks/meridian-2025.pdf",
            },
            new()
            {
                Title = "Uncertainty for Language Models: A Tutorial", Host = "EMNLP 2024 Tutorials", Location = "Miami, FL, USA", Date = Date(2024, 11),
                Url = "https://uncertainty-tutorial.example.org",
                SlidesUrl = "https://uncertainty-tutorial.example.org/slides.pdf",
                VideoUrl = "https://video.example.org/emnlp2024/tutorial-uncertainty",
            },
            new() { Title = "Compositional Generalization Across Languages", Host = "Institute for Language Systems", Location = "Edinburgh, UK", Date = Date(2022, 5) },
            new()
            {
                Title = "Parsing with Little Supervision", Host = "Lumen Research", Location = "Zurich, Switzerland", Date = Date(2019, 11),
                VideoUrl = "https://video.example.org/lumen/parsing-little-supervision",
            },
        ];
        yusuf.Service =
        [
            new() { Role = "Area Chair", Venue = "ACL", Years = [2024, 2025] },
            new() { Role = "Area Chair", Venue = "EMNLP", Years = [2025] },
            new() { Role = "Reviewer / Program Committee Member", Venue = "ACL", Years = [2021, 2022, 2023] },
            new() { Role = "Reviewer / Program Committee Member", Venue = "EMNLP", Years = [2020, 2021, 2022, 2023, 2024] },
            new() { Role = "Reviewer / Program Committee Member", Venue = "NeurIPS", Years = [2021, 2022, 2023, 2024, 2025] },
            new() { Role = "Reviewer / Program Committee Member", Venue = "ICLR", Years = [2022, 2023, 2024] },
            new() { Role = "Action Editor", Venue = "Transactions of the Association for Computational Linguistics (TACL)", Years = [2024, 2025, 2026] },
            new() { Role = "Organizer", Venue = "Workshop on Uncertainty in Multilingual NLP (UnMuL @ EMNLP)", Years = [2023, 2024] },
            new() { Role = "Student Seminar Co-Chair", Venue = "Valmont Institute of Technology", Years = [2017, 2018] },
        ];
        yusuf.Awards =
        [
            new() { Title = "NSF CAREER Award", Issuer = "U.S. National Science Foundation", Year = 2025 },
            new() { Title = "Best Paper Award", Issuer = "EMNLP 2023", Year = 2023, Note = "1 of 4 papers out of 1,047 accepted" },
            new() { Title = "Outstanding Reviewer", Issuer = "ACL 2022", Year = 2022 },
            new() { Title = "Valmont Doctoral Thesis Prize", Issuer = Valmont, Year = 2020, Note = "1 out of the School of Engineering" },
            new() { Title = "National Graduate Scholarship for Statistics", Issuer = "Aldermark Science Foundation", Year = 2012, Note = "13 winners nationwide" },
        ];

        site.Paper("@yusuf-halvorsen=Yusuf K. Halvorsen, Priya Natarajan, Reinhard Solberg†", "Structured Uncertainty for Cross-Lingual Semantic Parsing", Venues.Acl, 2019, 7)
            .Summary("A parser that predicts a distribution over logical-form fragments, not a single parse, transfers to new languages with a third of the errors.")
            .Arxiv("1900.04412")
            .Doi("10.5555/acl.2019.0219");
        site.Paper("@yusuf-halvorsen, Reinhard Solberg", "Compositional Generalization in Multilingual Semantic Parsing", Venues.Tacl, 2020)
            .Badge("Invited Paper")
            .Summary("Compositional splits reveal that multilingual parsers memorise templates; a span-based decoder closes most of the gap.")
            .Details(volume: "8", pages: "512–528", publisher: "MIT Press")
            .Doi("10.5555/tacl.2020.0034")
            .Highlight(me);
        site.Paper("@yusuf-halvorsen", "Learning to Parse Across Languages with Little Supervision", new Venue($"Ph.D. thesis, {Valmont}", "Ph.D. thesis", PublicationType.Thesis), 2019, 8)
            .Details(publisher: Valmont)
            .Link(PublicationLinkKind.Pdf, "https://cs.northbridge.example/~halvorsen/thesis.pdf");
        site.Paper("Chloé Marchand*, @yusuf-halvorsen*, Stefan Ionescu", "Sieve: Data Pruning for Multilingual Instruction Tuning", Venues.Emnlp, 2023, 12)
            .Badge("Best Paper Award")
            .Summary("Pruning 70% of machine-translated instruction data by a cross-lingual agreement score improves instruction following in 18 languages.")
            .Abstract("Multilingual instruction-tuning sets are mostly machine-translated from English and contain many translations that change the meaning of the instruction or the response. We propose Sieve, which scores each example by the agreement between a back-translation and the original, and keeps the examples that agree best. Training on the 30% of data that Sieve keeps improves win rates against the full-data model in 16 of 18 languages and never hurts English. We analyse which errors Sieve removes and release the scores for three public datasets.")
            .Arxiv("2300.09911")
            .Doi("10.5555/emnlp-main.2023.0640")
            .Link(PublicationLinkKind.Code, "https://github.com/northbridge-nlp-demo/sieve")
            .Link(PublicationLinkKind.Video, "https://video.example.org/emnlp2023/sieve")
            .Highlight(me);
        site.Paper("@wei-ting-liao, @yusuf-halvorsen, Marek Novák", "Conformal Abstention for Language Model Outputs", Venues.Aistats, 2024, 5)
            .Summary("Conformal prediction gives language models an abstention rule with a finite-sample guarantee on the error rate of the answers they do give.")
            .Arxiv("2300.02750")
            .Highlight(me, "wei-ting-liao");
        site.Paper("@ines-vidal, Kenta Ito, @yusuf-halvorsen†", "Process Rewards for Multi-Step Mathematical Reasoning without Human Labels", Venues.Iclr, 2025, 4)
            .Badge("Spotlight")
            .Summary("Step-level rewards estimated from Monte Carlo rollouts train a verifier that improves best-of-64 accuracy on competition mathematics by 9 points.")
            .Arxiv("2400.07730")
            .Link(PublicationLinkKind.Code, "https://github.com/ines-vidal-demo/process-rewards")
            .Highlight(me, "ines-vidal");

        foreach (var year in (int[])[2025, 2024, 2023, 2022, 2022, 2021, 2020, 2018])
        {
            site.Generated(me, ResearchArea.Nlp, year);
        }
    }
}
