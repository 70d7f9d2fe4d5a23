using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Demo;

internal static partial class DemoSite
{
    /// <summary>
    /// The long-form "About" page: most of the profile is one Markdown biography with paragraphs,
    /// sub-headings, a numbered list, a bullet list and links.
    /// </summary>
    private static void LongAbout(SiteBuilder site)
    {
        const string me = DemoSlugs.LongAbout;
        var tobias = site[me];
        tobias.AboutMarkdown = """
            I lead the language model team at [Halcyon Labs](https://halcyon-labs.example), a small company in
            Stockholm that builds search and question-answering tools for engineers who work with large technical
            documentation. Our team of nine trains and serves our own models, from data curation through
            pretraining to the inference stack, and I still spend most weeks writing code and reading loss curves.

            Before Halcyon I was a research scientist at Lumen Research in Zurich, and before that a Ph.D. student at
            the Valmont Institute of Technology, where I worked on sparse models with Ingrid Aasen. I moved to a
            startup because I wanted to see the whole path from an idea on a whiteboard to a model that thousands of
            people use every day, and to learn which research results survive that path.

            ## What I work on

            The questions I keep returning to are about *where compute goes* in a language model and whether it
            needs to go there:

            1. **Data before parameters.** A carefully filtered and mixed corpus is worth more than a larger model
               trained on everything. Our [continual pretraining study](/people/tobias-lindqvist/publications#y2024) measures
               how much, and when the returns run out.
            2. **Sparse computation at inference time.** Mixture-of-experts models are cheap to train and awkward to
               serve. [Braid](/people/tobias-lindqvist/publications#y2025) routes tokens so that experts stay busy on ordinary
               hardware.
            3. **Shorter inputs.** Most prompt tokens are never used. [Quill](/people/tobias-lindqvist/publications#y2022)
               learns which ones to drop before the model sees them.
            4. **Small models that know when to look things up.** A 1B-parameter model with good retrieval habits
               beats a much larger one that guesses. This is where most of our current work lives.

            ## How we work

            We publish what we can, release code when it is useful to others, and write down negative results.
            Internally, every training run has a one-page design note that states what we expect to see before we
            see it; it is the cheapest way I know to avoid fooling ourselves.

            I care a great deal about the craft of running experiments: seeds, ablations, honest baselines, and
            plots that show the variance. If you want a longer version, I wrote about it in
            [*Twelve habits for training runs that teach you something*](https://tobias-lindqvist.example.org/blog/twelve-habits).

            ## Working with us

            We host one or two research interns each year, usually Ph.D. students, for three to six months. Good
            projects are small enough to finish and large enough to matter. If that sounds like you:

            - read one or two of the papers above and tell me what you would change;
            - include a link to code you wrote and are proud of;
            - send it to [tobias@halcyon-labs.example](mailto:tobias@halcyon-labs.example) with "internship" in the subject.

            I am also happy to talk with students who are deciding between academia and industry. I have been on
            both sides and do not think either is the obviously right choice.

            ## Outside work

            I sing bass in a community choir, cycle to the office most of the year, and am slowly learning to bake
            bread that does not collapse.
            """;
        tobias.Links =
        [
            Link(ProfileLinkKind.Website, "https://tobias-lindqvist.example.org"),
            Link(ProfileLinkKind.Blog, "https://tobias-lindqvist.example.org/blog"),
            Link(ProfileLinkKind.GoogleScholar, "https://scholar.google.com/citations?user=tL1ndQv1stAAJ"),
            Link(ProfileLinkKind.GitHub, "https://github.com/tobias-lindqvist-demo"),
            Link(ProfileLinkKind.Twitter, "https://x.com/tlindqvist_demo"),
            Link(ProfileLinkKind.LinkedIn, "https://www.linkedin.com/in/tobias-lindqvist-demo"),
            Link(ProfileLinkKind.Organization, "https://halcyon-labs.example", "Halcyon Labs"),
        ];
        tobias.Education =
        [
            new() { Degree = "Ph.D. in Computer Science", Institution = Valmont, Advisors = "Ingrid Aasen", Start = Date(2015), End = Date(2020) },
            new() { Degree = "M.Sc. in Engineering Physics", Institution = Aldermark, Start = Date(2013), End = Date(2015) },
        ];
        tobias.Positions =
        [
            new() { Title = "Head of Language Modeling", Employer = Halcyon, Location = "Stockholm, Sweden", Kind = PositionKind.Job, Start = Date(2023, 3) },
            new() { Title = "Research Scientist", Employer = Lumen, Location = "Zurich, Switzerland", Kind = PositionKind.Job, Start = Date(2020, 9), End = Date(2023, 2) },
        ];
        tobias.News =
        [
            new() { Date = Date(2025, 9), BodyMarkdown = "Braid will appear at **MLSys 2025**." },
            new() { Date = Date(2024, 7), BodyMarkdown = "Our scaling-law study of continual pretraining is at **ICML 2024**." },
            new() { Date = Date(2023, 3), BodyMarkdown = "Joined [Halcyon Labs](https://halcyon-labs.example) to lead the language model team." },
        ];
        tobias.Writing =
        [
            new() { ListTitle = "Blog", Title = "Twelve habits for training runs that teach you something", Url = "https://tobias-lindqvist.example.org/blog/twelve-habits", Date = Date(2024, 11) },
            new() { ListTitle = "Blog", Title = "What we learned serving a mixture-of-experts model on a budget", Url = "https://tobias-lindqvist.example.org/blog/moe-budget", Date = Date(2025, 4) },
        ];

        site.Paper("@tobias-lindqvist, Freya Holm, Amara Nwosu, Daniel Reyes†", "Scaling Laws for Domain-Adaptive Continual Pretraining", Venues.Icml, 2024, 7)
            .Summary("How many domain tokens are worth continuing pretraining on, and when does general ability start to fall? We fit joint scaling laws for domain gain and general loss across 60 runs.")
            .Arxiv("2400.08113")
            .Highlight(me);
        site.Paper("@tobias-lindqvist, @clara-beaumont, Freya Holm", "Braid: Routing Tokens across Sparse Experts at Inference Time", Venues.MlSys, 2025, 5)
            .Summary("Braid rebalances token-to-expert routing at serving time so that mixture-of-experts models keep every GPU busy, improving throughput by 1.8x on commodity clusters.")
            .Arxiv("2400.01277")
            .Link(PublicationLinkKind.Code, "https://github.com/halcyon-labs-demo/braid")
            .Link(PublicationLinkKind.Slides, "https://tobias-lindqvist.example.org/slides/braid-mlsys2025.pdf")
            .Highlight(me, DemoSlugs.PhoneShown);
        site.Paper("@tobias-lindqvist, Freya Holm, Oskar Berg", "Small Models, Long Contexts: Distilling Retrieval Habits into 1B-Parameter Language Models", Venues.Arxiv, 2026, 1)
            .Status(PublicationStatus.Preprint)
            .Summary("We distil when-to-retrieve decisions from a large teacher into a 1B-parameter student, which then matches a 7B model on open-book QA.")
            .Arxiv("2600.03318");

        foreach (var year in (int[])[2023, 2021, 2019, 2018])
        {
            site.Generated(me, ResearchArea.MachineLearning, year);
        }
    }
}
