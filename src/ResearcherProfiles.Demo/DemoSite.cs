using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Demo;

/// <summary>
/// The hand-shaped demo site: twelve invented researchers at invented institutions whose profiles
/// together use every kind of content a profile can hold. Each of the four reference shapes has
/// its own file; the remaining profiles are in DemoSite.Others.cs.
/// </summary>
internal static partial class DemoSite
{
    private const int Seed = 20260115;

    private const string Northbridge = "Northbridge University";
    private const string Valmont = "Valmont Institute of Technology";
    private const string Aldermark = "Technical University of Aldermark";
    private const string Lumen = "Lumen Research";
    private const string Halcyon = "Halcyon Labs";
    private const string Quartzline = "Quartzline Systems";
    private const string Meridian = "Meridian Labs";
    private const string Orchard = "Orchard Labs";

    public static List<Researcher> Build()
    {
        var site = new SiteBuilder(Seed);
        People(site);
        HomepageStyle(site);
        LongAbout(site);
        ProjectHeavy(site);
        FullCv(site);
        Others(site);
        return site.Finish();
    }

    private static void People(SiteBuilder site)
    {
        site.Person(new Researcher
        {
            Slug = DemoSlugs.HomepageStyle,
            DisplayName = "Mira Castellanos",
            GivenName = "Mira",
            FamilyName = "Castellanos",
            NameVariants = ["M. Castellanos", "Castellanos, Mira"],
            Pronouns = "she/her",
            Headline = "Research Scientist at Lumen Research",
            Affiliation = Lumen,
            Location = "Zurich, Switzerland",
            Email = "mira.castellanos@lumen-research.example",
            ShowEmail = true,
            Website = "https://mira-castellanos.example.org",
            Interests = ["Large language models", "Long-context reasoning", "Retrieval-augmented generation", "Evaluation", "Multilinguality"],
            Skills = ["Python", "PyTorch", "JAX", "C++", "SQL"],
            PublicationsNote = "Full list at Google Scholar.",
        });
        site.Person(new Researcher
        {
            Slug = DemoSlugs.LongAbout,
            DisplayName = "Tobias Lindqvist",
            GivenName = "Tobias",
            FamilyName = "Lindqvist",
            NameVariants = ["T. Lindqvist", "Lindqvist, Tobias"],
            Headline = "Leading the language model team at Halcyon Labs",
            Affiliation = Halcyon,
            Location = "Stockholm, Sweden",
            Email = "tobias@halcyon-labs.example",
            ShowEmail = true,
            Website = "https://tobias-lindqvist.example.org",
            Interests = ["Language model pretraining", "Sparse models", "Data curation", "Efficient inference"],
            Skills = ["Python", "PyTorch", "JAX", "CUDA", "Rust", "Kubernetes"],
        });
        site.Person(new Researcher
        {
            Slug = DemoSlugs.ProjectHeavy,
            DisplayName = "Anjali Raman",
            GivenName = "Anjali",
            FamilyName = "Raman",
            NameVariants = ["A. Raman", "Raman, Anjali"],
            Pronouns = "she/her",
            Headline = "Ph.D. Student in Computer Science at Northbridge University",
            Affiliation = Northbridge,
            Location = "Boston, MA, USA",
            Email = "a.raman@cs.northbridge.example",
            ShowEmail = true,
            Interests = ["Long-context language models", "Retrieval", "Faithful summarization", "GPU kernels"],
            Skills = ["Python", "PyTorch", "Triton", "C/C++", "R"],
            PublicationsNote = "Workshop papers and talks are listed on Semantic Scholar.",
        });
        site.Person(new Researcher
        {
            Slug = DemoSlugs.FullCv,
            DisplayName = "Yusuf Halvorsen",
            GivenName = "Yusuf",
            FamilyName = "Halvorsen",
            NameVariants = ["Y. Halvorsen", "Halvorsen, Yusuf", "Yusuf K. Halvorsen"],
            Pronouns = "he/him",
            Headline = "Associate Professor of Computer Science at Northbridge University",
            Affiliation = $"{Northbridge}, Department of Computer Science",
            Location = "Boston, MA, USA",
            Email = "halvorsen@cs.northbridge.example",
            ShowEmail = true,
            Phone = "+1 617 555 0178",
            ShowPhone = false,
            Website = "https://cs.northbridge.example/~halvorsen",
            Interests = ["Natural language processing", "Semantic parsing", "Multilingual NLP", "Uncertainty", "Reasoning"],
            Skills = ["Python", "PyTorch", "JAX", "R", "Haskell"],
            PublicationsNote = "Full list at DBLP.",
        });
        site.Person(new Researcher
        {
            Slug = DemoSlugs.PhoneShown,
            DisplayName = "Clara Beaumont",
            GivenName = "Clara",
            FamilyName = "Beaumont",
            NameVariants = ["C. Beaumont", "Beaumont, Clara"],
            Headline = "Staff Software Engineer, ML Systems, at Quartzline Systems",
            Affiliation = Quartzline,
            Location = "Montréal, Canada",
            Email = "clara.beaumont@quartzline.example",
            ShowEmail = true,
            Phone = "+1 514 555 0142",
            ShowPhone = true,
            Interests = ["ML systems", "GPU programming", "Compilers", "Fault-tolerant training"],
            Skills = ["C++", "CUDA", "Triton", "Python", "Go", "MLIR"],
        });
        site.Person(new Researcher
        {
            Slug = "sofia-marchetti",
            DisplayName = "Sofia Marchetti",
            GivenName = "Sofia",
            FamilyName = "Marchetti",
            NameVariants = ["S. Marchetti", "Marchetti, Sofia"],
            Headline = "Ph.D. Student at the Technical University of Aldermark",
            Affiliation = Aldermark,
            Location = "Delft, Netherlands",
            Email = "s.marchetti@aldermark.example",
            ShowEmail = true,
            Interests = ["Factuality", "Multilingual NLP", "Evaluation", "Claim verification"],
            Skills = ["Python", "PyTorch", "spaCy"],
        });
        site.Person(new Researcher
        {
            Slug = DemoSlugs.EmailHidden,
            DisplayName = "Kwame Osei",
            GivenName = "Kwame",
            FamilyName = "Osei",
            NameVariants = ["K. Osei", "Osei, Kwame"],
            Pronouns = "he/him",
            Headline = "Postdoctoral Researcher at the Valmont Institute of Technology",
            Affiliation = Valmont,
            Location = "Lausanne, Switzerland",
            Email = "kwame.osei@valmont.example",
            ShowEmail = false,
            Interests = ["Computer vision", "Remote sensing", "Open-vocabulary recognition", "3D vision"],
            Skills = ["Python", "PyTorch", "OpenCV", "GDAL"],
        });
        site.Person(new Researcher
        {
            Slug = "hana-kowalczyk",
            DisplayName = "Hana Kowalczyk",
            GivenName = "Hana",
            FamilyName = "Kowalczyk",
            Headline = "Research Engineer at Meridian Labs",
            Affiliation = Meridian,
        });
        site.Person(new Researcher
        {
            Slug = "wei-ting-liao",
            DisplayName = "Wei-Ting Liao",
            GivenName = "Wei-Ting",
            FamilyName = "Liao",
            NameVariants = ["W.-T. Liao", "W. Liao", "Liao, Wei-Ting"],
            Headline = "Associate Professor of Statistics and Computer Science at the Technical University of Aldermark",
            Affiliation = Aldermark,
            Location = "Delft, Netherlands",
            Email = "w.liao@aldermark.example",
            ShowEmail = true,
            Interests = ["Learning theory", "Optimization", "Conformal prediction", "High-dimensional statistics"],
            PublicationsNote = "Full list at DBLP.",
        });
        site.Person(new Researcher
        {
            Slug = DemoSlugs.Sparse,
            DisplayName = "Rafael Duarte",
            GivenName = "Rafael",
            FamilyName = "Duarte",
            Headline = "M.S. Student at Northbridge University",
        });
        site.Person(new Researcher
        {
            Slug = "noor-haddad",
            DisplayName = "Noor Haddad",
            GivenName = "Noor",
            FamilyName = "Haddad",
            NameVariants = ["N. Haddad", "Haddad, Noor"],
            Pronouns = "she/her",
            Headline = "Research Engineer at Orchard Labs; maintainer of Loom",
            Affiliation = Orchard,
            Location = "Amman, Jordan",
            Email = "noor@orchard-labs.example",
            ShowEmail = true,
            Interests = ["Open-source ML", "Attention kernels", "Inference efficiency"],
            Skills = ["C++", "CUDA", "Triton", "Python", "Rust"],
        });
        site.Person(new Researcher
        {
            Slug = "ines-vidal",
            DisplayName = "Inés Vidal",
            GivenName = "Inés",
            FamilyName = "Vidal",
            NameVariants = ["I. Vidal", "Ines Vidal", "Vidal, Inés"],
            Headline = "Ph.D. Student at the Valmont Institute of Technology",
            Affiliation = Valmont,
            Location = "Lausanne, Switzerland",
            Email = "ines.vidal@valmont.example",
            ShowEmail = true,
            Interests = ["Reinforcement learning", "Mathematical reasoning", "Reward modeling"],
            Skills = ["Python", "JAX", "PyTorch", "Lean"],
        });
    }

    private static ProfileLink Link(ProfileLinkKind kind, string url, string? label = null) =>
        new() { Kind = kind, Url = url, Label = label };

    private static PartialDate Date(int year, int? month = null, int? day = null) => new(year, month, day);
}
