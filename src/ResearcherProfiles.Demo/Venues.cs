using Bogus;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Demo;

/// <summary>A publication venue as the demo data cites it.</summary>
/// <param name="Month">The month the venue usually meets, so generated dates look like real proceedings.</param>
/// <param name="FirstYear">Venues founded recently must not appear in earlier years.</param>
internal sealed record Venue(string Name, string Short, PublicationType Type, int? Month = null, int FirstYear = 2015);

internal static class Venues
{
    public static readonly Venue Iclr = new("International Conference on Learning Representations", "ICLR", PublicationType.Conference, 5);
    public static readonly Venue NeurIps = new("Advances in Neural Information Processing Systems", "NeurIPS", PublicationType.Conference, 12);
    public static readonly Venue Icml = new("International Conference on Machine Learning", "ICML", PublicationType.Conference, 7);
    public static readonly Venue Acl = new("Annual Meeting of the Association for Computational Linguistics", "ACL", PublicationType.Conference, 7);
    public static readonly Venue Emnlp = new("Conference on Empirical Methods in Natural Language Processing", "EMNLP", PublicationType.Conference, 11);
    public static readonly Venue Naacl = new("Annual Conference of the North American Chapter of the Association for Computational Linguistics", "NAACL", PublicationType.Conference, 6);
    public static readonly Venue Eacl = new("Conference of the European Chapter of the Association for Computational Linguistics", "EACL", PublicationType.Conference, 4);
    public static readonly Venue Colm = new("Conference on Language Modeling", "COLM", PublicationType.Conference, 10, 2024);
    public static readonly Venue Aaai = new("AAAI Conference on Artificial Intelligence", "AAAI", PublicationType.Conference, 2);
    public static readonly Venue Aistats = new("International Conference on Artificial Intelligence and Statistics", "AISTATS", PublicationType.Conference, 5);
    public static readonly Venue Colt = new("Conference on Learning Theory", "COLT", PublicationType.Conference, 7);
    public static readonly Venue Cvpr = new("IEEE/CVF Conference on Computer Vision and Pattern Recognition", "CVPR", PublicationType.Conference, 6);
    public static readonly Venue Iccv = new("IEEE/CVF International Conference on Computer Vision", "ICCV", PublicationType.Conference, 10);
    public static readonly Venue Eccv = new("European Conference on Computer Vision", "ECCV", PublicationType.Conference, 9);
    public static readonly Venue Osdi = new("USENIX Symposium on Operating Systems Design and Implementation", "OSDI", PublicationType.Conference, 7);
    public static readonly Venue Sosp = new("ACM Symposium on Operating Systems Principles", "SOSP", PublicationType.Conference, 10);
    public static readonly Venue MlSys = new("Conference on Machine Learning and Systems", "MLSys", PublicationType.Conference, 5, 2018);
    public static readonly Venue Asplos = new("ACM International Conference on Architectural Support for Programming Languages and Operating Systems", "ASPLOS", PublicationType.Conference, 4);
    public static readonly Venue EuroSys = new("European Conference on Computer Systems", "EuroSys", PublicationType.Conference, 4);
    public static readonly Venue Jmlr = new("Journal of Machine Learning Research", "JMLR", PublicationType.Journal);
    public static readonly Venue Tacl = new("Transactions of the Association for Computational Linguistics", "TACL", PublicationType.Journal);
    public static readonly Venue Tmlr = new("Transactions on Machine Learning Research", "TMLR", PublicationType.Journal, FirstYear: 2022);
    public static readonly Venue Tpami = new("IEEE Transactions on Pattern Analysis and Machine Intelligence", "TPAMI", PublicationType.Journal);
    public static readonly Venue Enlsp = new("NeurIPS Workshop on Efficient Natural Language and Speech Processing", "ENLSP @ NeurIPS", PublicationType.Workshop, 12);
    public static readonly Venue Repl4Nlp = new("ACL Workshop on Representation Learning for NLP", "RepL4NLP @ ACL", PublicationType.Workshop, 7);
    public static readonly Venue MeFoMo = new("ICLR Workshop on Mathematical and Empirical Understanding of Foundation Models", "ME-FoMo @ ICLR", PublicationType.Workshop, 5, 2023);
    public static readonly Venue Arxiv = new("arXiv preprint", "arXiv", PublicationType.Preprint);

    /// <summary>Where papers of each area are usually published, most likely first.</summary>
    public static IReadOnlyList<Venue> For(ResearchArea area) => area switch
    {
        ResearchArea.Nlp => [Acl, Emnlp, Naacl, Acl, Emnlp, Tacl, Iclr, NeurIps, Colm, Eacl, Repl4Nlp, Enlsp],
        ResearchArea.MachineLearning => [NeurIps, Icml, Iclr, NeurIps, Icml, Iclr, Aistats, Aaai, Tmlr, Jmlr, MeFoMo],
        ResearchArea.Systems => [Osdi, Sosp, MlSys, Asplos, EuroSys, MlSys, NeurIps, Enlsp],
        ResearchArea.Vision => [Cvpr, Iccv, Eccv, Cvpr, NeurIps, Iclr, Tpami, Aaai],
        ResearchArea.Theory => [Colt, NeurIps, Icml, Jmlr, Aistats, Colt, Tmlr],
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    };

    /// <summary>A venue of the area that existed in <paramref name="year"/>.</summary>
    public static Venue Pick(Randomizer random, ResearchArea area, int year)
    {
        var venue = random.ListItem(For(area).Where(v => v.FirstYear <= year).ToList());
        // ICCV meets in odd years and ECCV in even ones.
        return venue == Iccv && year % 2 == 0 ? Eccv
            : venue == Eccv && year % 2 == 1 ? Iccv
            : venue;
    }
}
