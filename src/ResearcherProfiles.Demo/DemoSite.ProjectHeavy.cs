using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Layout;

namespace ResearcherProfiles.Demo;

internal static partial class DemoSite
{
    /// <summary>
    /// The project write-up page: five projects of different kinds, each told as a long narrative with
    /// the same sub-headings, plus role, mentors, collaborators, status, popularity, links and papers.
    /// </summary>
    private static void ProjectHeavy(SiteBuilder site)
    {
        const string me = DemoSlugs.ProjectHeavy;
        const string checkable = "Faithful and verifiable generation";
        const string tools = "Tools for long-context models";
        var anjali = site[me];
        anjali.AboutMarkdown = """
            I am a fourth-year Ph.D. student at Northbridge University, advised by
            [Yusuf Halvorsen](/people/yusuf-halvorsen). I build long-context language models that can show their
            work: every answer should come with the evidence that supports it, and the evidence should be checkable.

            Below are the projects I have spent the most time on, written up the way I would explain them to a new
            lab mate.
            """;
        anjali.Links =
        [
            Link(ProfileLinkKind.Cv, "https://anjali-raman.example.org/cv.pdf", "CV"),
            Link(ProfileLinkKind.GoogleScholar, "https://scholar.google.com/citations?user=aRam4nDemoAJ"),
            Link(ProfileLinkKind.SemanticScholar, "https://www.semanticscholar.org/author/Anjali-Raman/0000000001"),
            Link(ProfileLinkKind.GitHub, "https://github.com/anjali-raman-demo"),
            Link(ProfileLinkKind.Lab, "https://nlp.cs.northbridge.example", "Northbridge NLP"),
        ];
        anjali.Education =
        [
            new() { Degree = "Ph.D. in Computer Science", Institution = Northbridge, Advisors = "Yusuf Halvorsen", Start = Date(2022, 9) },
            new() { Degree = "B.Tech. in Computer Science and Engineering", Institution = "Deccan Institute of Technology", Location = "Pune, India", Start = Date(2018), End = Date(2022) },
        ];
        anjali.Positions =
        [
            new() { Title = "Student Researcher", Employer = Meridian, Location = "London, UK", Kind = PositionKind.StudentResearcher, Start = Date(2025, 6), End = Date(2025, 12) },
            new() { Title = "Research Intern", Employer = "Orchard Health", Location = "Boston, MA, USA", Kind = PositionKind.Internship, Start = Date(2024, 5), End = Date(2024, 8) },
        ];
        anjali.News =
        [
            new() { Date = Date(2025, 10), BodyMarkdown = "[Tessera](/people/anjali-raman/publications#y2025) is out as a preprint and under review at ICLR 2026." },
            new() { Date = Date(2025, 6), BodyMarkdown = "Starting as a student researcher at **Meridian Labs**." },
        ];
        anjali.Awards =
        [
            new() { Title = "Northbridge Graduate Fellowship", Issuer = Northbridge, Year = 2022, Note = "1 out of the School of Engineering" },
        ];

        var tessera = site.Paper("@anjali-raman*, @mira-castellanos*, Lukas Brenner, @sofia-marchetti, @yusuf-halvorsen†", "Tessera: Verifiable Long-Context Retrieval with Evidence Chains", Venues.Arxiv, 2025, 10)
            .Status(PublicationStatus.UnderReview, "Under review at ICLR 2026")
            .Summary("Tessera answers questions over book-length inputs by building an explicit chain of evidence spans, each of which a lightweight checker verifies, so that every answer can be audited.")
            .Abstract("Long-context language models can answer questions over hundreds of thousands of tokens, but their answers are hard to audit: the model gives no indication of which parts of the input it relied on. We introduce Tessera, which decomposes a question into sub-claims, retrieves a span of evidence for each, and verifies each span with a small entailment model before composing the answer. On four long-document benchmarks Tessera matches the accuracy of the strongest end-to-end model while producing evidence chains that annotators judge sufficient in 87% of cases. Because verification is local, errors can be traced to a single link in the chain.")
            .Arxiv("2500.18342")
            .Link(PublicationLinkKind.Code, "https://github.com/anjali-raman-demo/tessera")
            .Link(PublicationLinkKind.ProjectPage, "https://tessera.example.org")
            .Highlight(me, DemoSlugs.HomepageStyle, DemoSlugs.FullCv);
        var retrievalHeads = site.Paper("@anjali-raman, @yusuf-halvorsen†", "Retrieval Heads Predict Hallucination in Long-Context Question Answering", Venues.Emnlp, 2024, 11)
            .Summary("A handful of attention heads copy from the input; when they go quiet, the model is about to hallucinate. Monitoring them flags 71% of unsupported answers at a 10% false-alarm rate.")
            .Arxiv("2400.14420")
            .Doi("10.5555/emnlp-main.2024.1077")
            .Highlight(me);
        var fathom = site.Paper("@sofia-marchetti, @anjali-raman, @mira-castellanos, Oren Katz, @yusuf-halvorsen†", "Fathom: A Multilingual Benchmark for Factual Consistency of Summaries", Venues.NeurIps, 2024, 12)
            .Summary("Fathom pairs 12k summaries in nine languages with span-level factuality labels, and shows that English-trained consistency checkers lose up to 20 points elsewhere.")
            .Arxiv("2400.02288")
            .Link(PublicationLinkKind.Dataset, "https://github.com/fathom-bench-demo/fathom", "Dataset")
            .Link(PublicationLinkKind.Benchmark, "https://fathom-bench.example.org", "Leaderboard")
            .Highlight(me, DemoSlugs.HomepageStyle, "sofia-marchetti");
        fathom.Publication.VenueName = "Advances in Neural Information Processing Systems, Datasets and Benchmarks Track";
        var kernels = site.Paper("@anjali-raman, @clara-beaumont, @noor-haddad", "Kernel-Fused Attention for Commodity GPUs", Venues.Enlsp, 2023, 12)
            .Summary("Fusing the attention backward pass into two Triton kernels makes long-sequence fine-tuning fit on 24 GB consumer GPUs.")
            .Link(PublicationLinkKind.Code, "https://github.com/orchard-labs-demo/loom");
        var clinical = site.Paper("Priya Venkatesan, @anjali-raman, Mark Oduya, Ellen Shaw†", "Summarize, Then Verify: Faithful Clinical Note Summarization with Small Models", Venues.Arxiv, 2026)
            .Status(PublicationStatus.InPreparation)
            .Summary("A 3B-parameter summarizer with a post-hoc verifier produces discharge summaries that clinicians rate as faithful as those of a much larger model.");
        clinical.Publication.VenueName = null;
        clinical.Publication.VenueShort = null;
        clinical.Publication.Type = PublicationType.Other;

        site.Generated(me, ResearchArea.Nlp, 2023);
        site.Generated(me, ResearchArea.Nlp, 2022);

        anjali.Projects =
        [
            new()
            {
                Title = "Tessera: answers you can audit",
                Role = "Project led by me; designed the method and wrote most of the code",
                Kind = ProjectKind.Research,
                Group = checkable,
                Institution = Northbridge,
                Summary = "Long-context question answering where every answer comes with a verified chain of evidence.",
                Mentors = "Yusuf Halvorsen, Mira Castellanos",
                Collaborators = "Lukas Brenner, Sofia Marchetti",
                Start = Date(2024, 9),
                Status = "Under review at ICLR 2026",
                Popularity = "1.2k stars on GitHub",
                NarrativeMarkdown = """
                    ### Problem

                    Long-context models can read a whole book and answer questions about it, but they cannot tell you
                    *why* they gave an answer. When an answer is wrong, nobody can see which part of the input misled the
                    model, so nobody can fix it.

                    ### Why it matters

                    The people who most want long-context models — lawyers reading contracts, analysts reading filings,
                    clinicians reading patient histories — are exactly the people who cannot accept an answer they cannot
                    check. An auditable answer is worth more to them than a slightly more accurate one.

                    ### Why it is hard

                    - Evidence for one answer is often spread across several distant passages.
                    - Asking a model to cite its sources produces citations that *look* right but often do not support the
                      claim ([our EMNLP 2025 paper](/people/mira-castellanos/publications#y2025) measures how often).
                    - Verifying every sentence against a 200k-token input with a large model is too slow to be practical.

                    ### Solution

                    Tessera splits a question into sub-claims, retrieves one evidence span for each, and checks every
                    (claim, span) pair with a small entailment model. Only verified links are composed into the final
                    answer; a failed check triggers a second retrieval instead of a guess. Because each check is local,
                    the expensive model never has to look at the whole input twice.

                    ### Key results

                    1. Matches the strongest end-to-end model on four long-document benchmarks.
                    2. Annotators judge 87% of evidence chains sufficient, against 52% for prompted citations.
                    3. Verification adds 14% latency, not 3x.

                    ### Impact

                    The code is used by two legal-technology startups and a hospital research group, and the evidence-chain
                    format has been adopted by the Fathom leaderboard as an optional submission track.
                    """,
                Links =
                [
                    new() { Kind = ProjectLinkKind.Code, Url = "https://github.com/anjali-raman-demo/tessera" },
                    new() { Kind = ProjectLinkKind.Demo, Url = "https://tessera.example.org/demo", Label = "Try it" },
                ],
                RelatedPublications = [new() { Publication = tessera.Publication }, new() { Publication = retrievalHeads.Publication }],
            },
            new()
            {
                Title = "Fathom: factuality beyond English",
                Role = "Co-led with Sofia Marchetti; built the annotation pipeline and the leaderboard",
                Kind = ProjectKind.Research,
                Group = checkable,
                Institution = Northbridge,
                Summary = "A benchmark and leaderboard for the factual consistency of summaries in nine languages.",
                Mentors = "Mira Castellanos, Yusuf Halvorsen",
                Collaborators = "Sofia Marchetti, Oren Katz",
                Start = Date(2023, 10),
                End = Date(2024, 12),
                Status = "Published at NeurIPS 2024 (Datasets and Benchmarks)",
                Popularity = "40 submissions on the leaderboard",
                NarrativeMarkdown = """
                    ### Problem

                    Factual-consistency checkers are trained and evaluated almost entirely on English news. Nobody knew
                    how well they work for a Hindi medical leaflet or a Portuguese court ruling.

                    ### Why it matters

                    Summarization is deployed in every language, and a checker that silently fails outside English gives a
                    false sense of safety exactly where human review is scarcest.

                    ### Why it is hard

                    Span-level factuality labels are expensive in any language, and translating an English benchmark
                    carries over English-specific errors while missing the ones that matter elsewhere.

                    ### Solution

                    We wrote annotation guidelines once, then trained native-speaker annotators in each language to label
                    unsupported spans in summaries produced by six systems. Disagreements were adjudicated, not averaged.

                    ### Key results

                    - 12k summaries, nine languages, span-level labels with inter-annotator agreement of 0.71.
                    - The best English checker loses up to 20 points of balanced accuracy in other languages.

                    ### Impact

                    Fathom is now a standard evaluation in two multilingual model reports, and the guidelines have been
                    reused for three further languages by other groups.
                    """,
                Links =
                [
                    new() { Kind = ProjectLinkKind.Website, Url = "https://fathom-bench.example.org" },
                    new() { Kind = ProjectLinkKind.Code, Url = "https://github.com/fathom-bench-demo/fathom" },
                ],
                RelatedPublications = [new() { Publication = fathom.Publication }],
            },
            new()
            {
                Title = "Fused attention kernels for small GPUs",
                Role = "Core contributor; wrote the backward-pass kernels",
                Kind = ProjectKind.OpenSource,
                Group = tools,
                Institution = Northbridge,
                Summary = "Triton kernels that make long-sequence fine-tuning fit on a single consumer GPU, now part of Loom.",
                Mentors = "Clara Beaumont",
                Collaborators = "Noor Haddad",
                Start = Date(2023, 2),
                End = Date(2023, 11),
                Popularity = "Merged into Loom (3.4k stars on GitHub)",
                NarrativeMarkdown = """
                    ### Problem

                    Fine-tuning with 32k-token sequences needed an 80 GB accelerator, which most students do not have.

                    ### Why it matters

                    If only well-funded labs can run long-context experiments, the field hears only from them.

                    ### Why it is hard

                    The attention backward pass materialises large intermediate tensors, and the usual fix — recomputation —
                    is slow unless the recomputation is fused with the gradient computation itself.

                    ### Solution

                    Two Triton kernels: one recomputes attention blocks on the fly and accumulates gradients for queries,
                    the other for keys and values. Block sizes are tuned per GPU at install time.

                    ### Key results

                    - Peak memory down 58% at 32k tokens; runs on a 24 GB card.
                    - Throughput within 6% of the best vendor kernel on hardware that kernel supports.

                    ### Impact

                    The kernels were upstreamed into [Loom](https://github.com/orchard-labs-demo/loom), which
                    [Noor Haddad](/people/noor-haddad) maintains, and are used in several course projects.
                    """,
                Links =
                [
                    new() { Kind = ProjectLinkKind.Code, Url = "https://github.com/orchard-labs-demo/loom" },
                    new() { Kind = ProjectLinkKind.Slides, Url = "https://anjali-raman.example.org/slides/fused-attention.pdf" },
                ],
                RelatedPublications = [new() { Publication = kernels.Publication }],
            },
            new()
            {
                Title = "Faithful discharge summaries at Orchard Health",
                Role = "Second author; integrated the verification step and the clinician evaluation pipeline",
                Kind = ProjectKind.Industry,
                Group = checkable,
                Institution = "Orchard Health",
                Summary = "Small, verifiable summarization models for hospital discharge notes.",
                Mentors = "Ellen Shaw",
                Collaborators = "Priya Venkatesan, Mark Oduya",
                Start = Date(2024, 5),
                End = Date(2024, 8),
                Status = "Preparing submission",
                NarrativeMarkdown = """
                    ### Problem

                    Clinicians spend a large share of each shift writing discharge summaries, and the draft summaries from
                    general-purpose models contain plausible but unsupported details.

                    ### Why it matters

                    An unsupported medication or dosage in a discharge summary is a patient-safety risk, so a model that is
                    usually right is not good enough.

                    ### Why it is hard

                    Patient data cannot leave the hospital, which rules out large hosted models, and clinical notes are
                    full of abbreviations that general models misread.

                    ### Solution

                    A 3B-parameter summarizer fine-tuned on de-identified notes drafts the summary; a verifier aligned to
                    the same notes marks every sentence it cannot ground, and those sentences are shown to the clinician
                    for review instead of being silently kept.

                    ### Key results

                    In a blinded study with 14 clinicians, verified drafts were rated as faithful as drafts from a model
                    twenty times larger, and editing time fell by a third.

                    ### Impact

                    The pipeline runs on one on-premise GPU and is being piloted on two wards.
                    """,
                RelatedPublications = [new() { Publication = clinical.Publication }],
            },
            new()
            {
                Title = "Awesome long-context evaluation",
                Role = "Maintained by me",
                Kind = ProjectKind.ResourceList,
                Group = tools,
                Summary = "A curated, annotated reading list of long-context benchmarks and evaluation papers.",
                Start = Date(2023, 6),
                Popularity = "850 stars on GitHub",
                NarrativeMarkdown = """
                    ### Problem

                    Dozens of long-context benchmarks appeared within two years, with overlapping names and incompatible
                    protocols.

                    ### Why it matters

                    Researchers kept re-running the same saturated probes because they did not know better ones existed.

                    ### Why it is hard

                    A list is only useful if someone reads every entry and says what it actually measures.

                    ### Solution

                    Every entry has a one-line note on what it tests, its input lengths, and known shortcuts.

                    ### Key results

                    Over 180 annotated entries and 35 outside contributors.

                    ### Impact

                    Used as the reading list for two graduate seminars.
                    """,
                Links = [new() { Kind = ProjectLinkKind.Code, Url = "https://github.com/anjali-raman-demo/awesome-long-context-eval", Label = "GitHub" }],
            },
        ];

        // Her page leads with the projects, right after About, and gives open-source work a section of its own.
        ProfileSectionKind[] first = [ProfileSectionKind.About, ProfileSectionKind.Projects, ProfileSectionKind.OpenSourceProjects];
        anjali.Sections = first.Concat(SectionLayout.DefaultOrder.Except(first))
            .Select((kind, i) => new ProfileSection
            {
                Kind = kind,
                SortOrder = i,
                Version = 1,
                IntroMarkdown = kind == ProfileSectionKind.Projects
                    ? "Each project has a page of its own with the whole story: the problem, why it is hard, what we built and what came of it."
                    : null,
                OwnSection = kind == ProfileSectionKind.OpenSourceProjects,
            })
            .ToList();
    }
}
