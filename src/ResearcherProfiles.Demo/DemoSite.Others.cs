using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Demo;

internal static partial class DemoSite
{
    /// <summary>
    /// Eight more profiles, from fairly full to a bare headline, so the directory looks like a real lab's.
    /// Rafael Duarte's profile is deliberately left with only its headline and two shared papers.
    /// </summary>
    private static void Others(SiteBuilder site)
    {
        Clara(site);
        Sofia(site);
        Kwame(site);
        Hana(site);
        WeiTing(site);
        Noor(site);
        Ines(site);
    }

    private static void Clara(SiteBuilder site)
    {
        const string me = DemoSlugs.PhoneShown;
        var clara = site[me];
        clara.AboutMarkdown = """
            I build the systems that train and serve large models at Quartzline: checkpointing, schedulers and,
            more and more, GPU kernels. I like problems where a week of measurement saves a month of guessing.

            I write about GPU programming on my blog; the Triton series below is a gentle start.
            """;
        clara.Links =
        [
            Link(ProfileLinkKind.GitHub, "https://github.com/clara-beaumont-demo"),
            Link(ProfileLinkKind.Blog, "https://clara-beaumont.example.org/blog"),
            Link(ProfileLinkKind.LinkedIn, "https://www.linkedin.com/in/clara-beaumont-demo"),
        ];
        clara.Education =
        [
            new() { Degree = "M.Sc. in Computer Science", Institution = Valmont, Advisors = "Jonas Reiter", Start = Date(2016, 9), End = Date(2018, 7) },
            new() { Degree = "B.Eng. in Software Engineering", Institution = "École Polytechnique de Montclair", Start = Date(2013), End = Date(2016) },
        ];
        clara.Positions =
        [
            new() { Title = "Staff Software Engineer, ML Systems", Employer = Quartzline, Location = "Montréal, Canada", Kind = PositionKind.Job, Start = Date(2023, 1) },
            new() { Title = "Senior Software Engineer", Employer = Quartzline, Location = "Montréal, Canada", Kind = PositionKind.Job, Start = Date(2019, 2), End = Date(2022, 12) },
            new() { Title = "Research Intern", Employer = Lumen, Location = "Zurich, Switzerland", Kind = PositionKind.Internship, Start = Date(2018, 3), End = Date(2018, 8) },
        ];
        clara.Writing =
        [
            new() { ListTitle = "Blogs on Triton Programming", Title = "Part 1: Your first Triton kernel, line by line", Url = "https://clara-beaumont.example.org/blog/triton-1", Date = Date(2024, 3), Description = "Vector addition, program ids and masks." },
            new() { ListTitle = "Blogs on Triton Programming", Title = "Part 2: Tiled matrix multiplication and why block sizes matter", Url = "https://clara-beaumont.example.org/blog/triton-2", Date = Date(2024, 6) },
            new() { ListTitle = "Blogs on Triton Programming", Title = "Part 3: Writing a fused attention kernel", Url = "https://clara-beaumont.example.org/blog/triton-3", Date = Date(2024, 10), Description = "Online softmax and the backward pass." },
            new() { Title = "Checkpointing is a distributed systems problem", Url = "https://clara-beaumont.example.org/blog/checkpointing", Date = Date(2023, 8) },
        ];
        clara.Talks =
        [
            new() { Title = "Elastic Checkpointing in Practice", Host = "OSDI 2024", Location = "Santa Clara, CA, USA", Date = Date(2024, 7), SlidesUrl = "https://clara-beaumont.example.org/talks/gantry-osdi24.pdf", VideoUrl = "https://video.example.org/osdi24/gantry" },
        ];

        site.Paper("@clara-beaumont*, Ravi Subramanian*, Mateo Ruiz, Hyejin Cho†", "Gantry: Elastic Checkpointing for Fault-Tolerant Large Model Training", Venues.Osdi, 2024, 7)
            .Badge("Best Paper Award")
            .Summary("Gantry checkpoints training state incrementally into peer memory and re-shards it on failure, cutting recovery time on a 4,096-GPU job from 40 minutes to 90 seconds.")
            .Abstract("Failures are routine when training on thousands of accelerators, and each one costs the time since the last checkpoint plus the time to restart. Gantry keeps a continuously updated, erasure-coded copy of training state in the host memory of peer nodes and writes to remote storage only in the background. When a node fails, the job re-shards the surviving state to a new parallel configuration instead of waiting for a replacement. On production traces from a 4,096-GPU cluster, Gantry reduces lost work per failure by 94% and recovery time from 40 minutes to 90 seconds, with under 2% overhead on step time.")
            .Doi("10.5555/osdi.2024.0117")
            .Link(PublicationLinkKind.Pdf, "https://clara-beaumont.example.org/papers/gantry-osdi24.pdf")
            .Link(PublicationLinkKind.Slides, "https://clara-beaumont.example.org/talks/gantry-osdi24.pdf")
            .Highlight(me);
        site.Paper("@clara-beaumont, @mira-castellanos, Ravi Subramanian, @noor-haddad", "Paged Retrieval Caches for Long-Context Serving", Venues.MlSys, 2025, 5)
            .Summary("Sharing KV-cache pages for retrieved passages across requests raises long-context serving throughput by 2.6x when popular documents repeat.")
            .Arxiv("2500.05519")
            .Link(PublicationLinkKind.Code, "https://github.com/quartzline-demo/paged-retrieval-cache")
            .Highlight(me, "noor-haddad");
        foreach (var year in (int[])[2023, 2022, 2020])
        {
            site.Generated(me, ResearchArea.Systems, year);
        }
    }

    private static void Sofia(SiteBuilder site)
    {
        const string me = "sofia-marchetti";
        var sofia = site[me];
        sofia.AboutMarkdown = """
            I am a Ph.D. student at the Technical University of Aldermark working on factuality and evaluation for
            multilingual language models. I also keep two reading lists up to date; suggestions are welcome as
            pull requests.
            """;
        sofia.Links =
        [
            Link(ProfileLinkKind.GoogleScholar, "https://scholar.google.com/citations?user=sMarch3tt1AJ"),
            Link(ProfileLinkKind.GitHub, "https://github.com/sofia-marchetti-demo"),
            Link(ProfileLinkKind.Twitter, "https://x.com/sofia_m_demo"),
        ];
        sofia.Education =
        [
            new() { Degree = "Ph.D. in Computer Science", Institution = Aldermark, Advisors = "Wei-Ting Liao and Helena Brandt", Start = Date(2022, 10) },
            new() { Degree = "M.Sc. in Computational Linguistics", Institution = "University of Trevisano", Start = Date(2020), End = Date(2022) },
        ];
        sofia.News =
        [
            new() { Date = Date(2025, 8), BodyMarkdown = "Our graded attribution metric was accepted to **EMNLP 2025**." },
            new() { Date = Date(2024, 12), BodyMarkdown = "Presenting *Fathom* at NeurIPS 2024." },
            new() { Date = Date(2024, 3), BodyMarkdown = "Rafael's first paper, on cross-lingual claim verification, is at **EACL 2024**." },
        ];
        sofia.Writing =
        [
            new() { ListTitle = "Paper lists", Title = "Awesome multilingual factuality", Url = "https://github.com/sofia-marchetti-demo/awesome-multilingual-factuality", Description = "Benchmarks, metrics and methods for factual consistency beyond English." },
            new() { ListTitle = "Paper lists", Title = "Attribution and citation evaluation reading list", Url = "https://github.com/sofia-marchetti-demo/attribution-reading-list" },
        ];
        sofia.Service =
        [
            new() { Role = "Reviewer / Program Committee Member", Venue = "ACL Rolling Review", Years = [2023, 2024, 2025] },
            new() { Role = "Student Seminar Co-Chair", Venue = Aldermark, Years = [2024] },
        ];

        site.Paper("@rafael-duarte, @sofia-marchetti, Helena Brandt", "Cross-Lingual Claim Verification with Translated Evidence", Venues.Eacl, 2024, 3)
            .Summary("Translating evidence rather than claims keeps verification accuracy within two points of English in eight languages.")
            .Arxiv("2400.11208")
            .Highlight(DemoSlugs.Sparse);
        site.Generated(me, ResearchArea.Nlp, 2023);
        site.Generated(me, ResearchArea.Nlp, 2025);
    }

    private static void Kwame(SiteBuilder site)
    {
        const string me = DemoSlugs.EmailHidden;
        var kwame = site[me];
        kwame.AboutMarkdown = """
            I am a postdoctoral researcher at the Valmont Institute of Technology. I work on recognising and mapping
            objects in aerial and satellite imagery when the categories of interest are not known in advance —
            for example, new crop types or informal settlements.
            """;
        kwame.Links =
        [
            Link(ProfileLinkKind.GoogleScholar, "https://scholar.google.com/citations?user=kOse1DemoAJ"),
            Link(ProfileLinkKind.GitHub, "https://github.com/kwame-osei-demo"),
            Link(ProfileLinkKind.Website, "https://kwame-osei.example.org"),
        ];
        kwame.Education =
        [
            new() { Degree = "Ph.D. in Electrical Engineering", Institution = "University of the Gold Coast", Location = "Accra, Ghana", Advisors = "Abena Mensah", Start = Date(2017), End = Date(2022) },
        ];
        kwame.Positions =
        [
            new() { Title = "Postdoctoral Researcher", Employer = Valmont, Location = "Lausanne, Switzerland", Kind = PositionKind.Job, Start = Date(2022, 10) },
            new() { Title = "Visiting Student", Employer = Valmont, Location = "Lausanne, Switzerland", Kind = PositionKind.Visiting, Start = Date(2021, 1), End = Date(2021, 6) },
        ];
        kwame.Awards = [new() { Title = "Early Postdoc Mobility Fellowship", Issuer = "Valmont Research Council", Year = 2022 }];

        site.Paper("@kwame-osei, @hana-kowalczyk, Lena Fischer, Tomasz Wrona†", "Open-Vocabulary Segmentation of Aerial Imagery", Venues.Cvpr, 2024, 6)
            .Summary("Aligning a vision-language model to overhead views with 40k automatically captioned tiles lets it segment categories never labelled in training.")
            .Arxiv("2300.08841")
            .Doi("10.5555/cvpr.2024.1903")
            .Link(PublicationLinkKind.ProjectPage, "https://kwame-osei.example.org/ovseg-aerial")
            .Link(PublicationLinkKind.Poster, "https://kwame-osei.example.org/ovseg-aerial/poster.pdf")
            .Highlight(me, "hana-kowalczyk");
        site.Paper("@kwame-osei, Abena Mensah, Lena Fischer", "Counting Informal Settlements from Space with Open-Vocabulary Detectors", Venues.Aaai, 2026, 2)
            .Status(PublicationStatus.Accepted)
            .Summary("Prompting an open-vocabulary detector with local building vocabulary counts informal dwellings within 8% of ground surveys in three cities.")
            .Arxiv("2500.04730");
        foreach (var year in (int[])[2025, 2023, 2022, 2021, 2020])
        {
            site.Generated(me, ResearchArea.Vision, year);
        }
    }

    private static void Hana(SiteBuilder site)
    {
        site.Generated("hana-kowalczyk", ResearchArea.Vision, 2025);
        site.Generated("hana-kowalczyk", ResearchArea.Vision, 2022);
    }

    private static void WeiTing(SiteBuilder site)
    {
        const string me = "wei-ting-liao";
        var weiTing = site[me];
        weiTing.AboutMarkdown = """
            I work on the theory of learning and optimization, currently on distribution-free guarantees for
            models whose internals we cannot inspect. I teach *Statistical Learning Theory* every spring.
            """;
        weiTing.Links =
        [
            Link(ProfileLinkKind.Dblp, "https://dblp.org/pid/00/0002-demo"),
            Link(ProfileLinkKind.GoogleScholar, "https://scholar.google.com/citations?user=wTL1aoDemoAJ"),
            Link(ProfileLinkKind.Website, "https://wei-ting-liao.example.org"),
        ];
        weiTing.Education =
        [
            new() { Degree = "Ph.D. in Statistics", Institution = "National Huaxin University", Location = "Hsinchu, Taiwan", Start = Date(2008), End = Date(2013) },
        ];
        weiTing.Positions =
        [
            new() { Title = "Associate Professor", Employer = Aldermark, Location = "Delft, Netherlands", Kind = PositionKind.Job, Start = Date(2020, 9) },
            new() { Title = "Lecturer", Employer = Aldermark, Location = "Delft, Netherlands", Kind = PositionKind.Job, Start = Date(2015, 9), End = Date(2020, 8) },
        ];
        weiTing.Service =
        [
            new() { Role = "Area Chair", Venue = "COLT", Years = [2022, 2023, 2024, 2025] },
            new() { Role = "Editor", Venue = "Journal of Machine Learning Research", Years = [2023, 2024, 2025] },
        ];
        weiTing.Awards = [new() { Title = "Aldermark Teaching Prize", Issuer = Aldermark, Year = 2021 }];

        site.Paper("@wei-ting-liao=W.-T. Liao, Marek Novák", "Sharp Rates for Adaptive Step Sizes in Overparameterized Regression", Venues.Jmlr, 2022)
            .Summary("Adaptive step sizes attain the minimax rate in overparameterized linear regression without knowing the noise level.")
            .Details(volume: "23", number: "141", pages: "1–48")
            .Highlight(me);
        site.Paper("@wei-ting-liao, @sofia-marchetti, Marek Novák", "Conformal Risk Control for Generated Text under Distribution Shift", Venues.Tmlr, 2025, 11)
            .Status(PublicationStatus.AwaitingRevision, "Major revision requested")
            .Summary("Weighting calibration examples by an estimated density ratio keeps the risk guarantee of conformal filtering when test prompts drift away from calibration prompts.")
            .Arxiv("2500.21514");
        foreach (var year in (int[])[2024, 2023, 2021, 2019, 2016])
        {
            site.Generated(me, ResearchArea.Theory, year);
        }
    }

    private static void Noor(SiteBuilder site)
    {
        const string me = "noor-haddad";
        var noor = site[me];
        noor.AboutMarkdown = """
            I maintain [Loom](https://github.com/orchard-labs-demo/loom), an open library of memory-efficient
            attention kernels, and work on making inference cheap enough to run anywhere.
            """;
        noor.Links =
        [
            Link(ProfileLinkKind.GitHub, "https://github.com/noor-haddad-demo"),
            Link(ProfileLinkKind.Organization, "https://orchard-labs.example", "Orchard Labs"),
        ];
        noor.Positions =
        [
            new() { Title = "Research Engineer", Employer = Orchard, Location = "Amman, Jordan", Kind = PositionKind.Job, Start = Date(2021, 4) },
        ];

        var loom = site.Paper("@noor-haddad, Samir Khoury, @anjali-raman", "Loom: An Open Library of Memory-Efficient Attention Kernels", Venues.MlSys, 2024, 5)
            .Summary("Loom packages fused attention kernels for five GPU families behind one interface, with autotuning at install time.")
            .Arxiv("2400.01963")
            .Link(PublicationLinkKind.Code, "https://github.com/orchard-labs-demo/loom")
            .Highlight(me);
        site.Generated(me, ResearchArea.Systems, 2022);

        noor.Projects =
        [
            new()
            {
                Title = "Loom",
                Role = "Creator and maintainer",
                Kind = ProjectKind.OpenSource,
                Institution = Orchard,
                Summary = "Memory-efficient attention kernels for many GPU families, behind one Python interface.",
                Collaborators = "Samir Khoury, Anjali Raman, Clara Beaumont",
                Start = Date(2022, 1),
                Popularity = "3.4k stars on GitHub",
                NarrativeMarkdown = """
                    ### Problem

                    Fast attention kernels existed for one or two flagship GPUs; everyone else fell back to slow,
                    memory-hungry reference code.

                    ### Solution

                    One kernel source in Triton, tuned per device at install time, with a test suite that runs against
                    the reference implementation on every pull request.

                    ### Impact

                    Used by several open model-training frameworks and in university courses on ML systems.
                    """,
                Links =
                [
                    new() { Kind = ProjectLinkKind.Code, Url = "https://github.com/orchard-labs-demo/loom" },
                    new() { Kind = ProjectLinkKind.Website, Url = "https://loom-docs.example.org", Label = "Documentation" },
                ],
                RelatedPublications = [new() { Publication = loom.Publication }],
            },
            new()
            {
                Title = "tiny-serve",
                Role = "Inventor of the paged prefix cache",
                Kind = ProjectKind.OpenSource,
                Summary = "A 2,000-line reference LLM server for teaching how continuous batching works.",
                Start = Date(2024, 2),
                End = Date(2024, 9),
                Popularity = "600 stars on GitHub",
                Links = [new() { Kind = ProjectLinkKind.Code, Url = "https://github.com/noor-haddad-demo/tiny-serve" }],
            },
        ];
    }

    private static void Ines(SiteBuilder site)
    {
        const string me = "ines-vidal";
        var ines = site[me];
        ines.AboutMarkdown = """
            I am a Ph.D. student at the Valmont Institute of Technology. I study how reinforcement learning can teach
            language models to reason step by step, and how to check the steps.
            """;
        ines.Links =
        [
            Link(ProfileLinkKind.GoogleScholar, "https://scholar.google.com/citations?user=iV1dalDemoAJ"),
            Link(ProfileLinkKind.OpenReview, "https://openreview.net/profile?id=~Ines_Vidal1"),
            Link(ProfileLinkKind.GitHub, "https://github.com/ines-vidal-demo"),
        ];
        ines.Education =
        [
            new() { Degree = "Ph.D. in Computer Science", Institution = Valmont, Advisors = "Kenta Ito and Yusuf Halvorsen", Start = Date(2023, 9) },
            new() { Degree = "M.Sc. in Mathematics", Institution = "Universidad de Levante", Start = Date(2021), End = Date(2023) },
        ];
        ines.Positions =
        [
            new() { Title = "Research Intern", Employer = Meridian, Location = "London, UK", Kind = PositionKind.Internship, Start = Date(2025, 6), End = Date(2025, 9) },
        ];

        site.Paper("@ines-vidal, Kenta Ito", "Curriculum by Difficulty Estimates for Reinforcement Learning on Proofs", Venues.NeurIps, 2025, 12)
            .Badge("Spotlight")
            .Summary("Ordering training problems by the policy's own estimated success rate doubles the sample efficiency of RL for formal theorem proving.")
            .Arxiv("2500.13390")
            .Highlight(me);
        site.Paper("@ines-vidal, Jakob Lindahl, Kenta Ito", "Verifier-Guided Search Does Not Need a Perfect Verifier", Venues.Arxiv, 2026, 1)
            .Status(PublicationStatus.UnderReview, "Under review at ICML 2026")
            .Summary("Search guided by a noisy step verifier still helps, as long as the verifier's errors are not correlated with the policy's.")
            .Arxiv("2600.08127");
        site.Generated(me, ResearchArea.MachineLearning, 2024);
        site.Generated(me, ResearchArea.MachineLearning, 2023);
    }
}
