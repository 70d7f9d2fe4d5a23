using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Pages;

/// <summary>The words shown for each kind of link when the owner gave no label of their own.</summary>
public static class LinkLabels
{
    public static string For(ProfileLinkKind kind) => kind switch
    {
        ProfileLinkKind.Website => "Website",
        ProfileLinkKind.Cv => "CV",
        ProfileLinkKind.GoogleScholar => "Google Scholar",
        ProfileLinkKind.SemanticScholar => "Semantic Scholar",
        ProfileLinkKind.Dblp => "DBLP",
        ProfileLinkKind.Orcid => "ORCID",
        ProfileLinkKind.OpenReview => "OpenReview",
        ProfileLinkKind.GitHub => "GitHub",
        ProfileLinkKind.Twitter => "X / Twitter",
        ProfileLinkKind.LinkedIn => "LinkedIn",
        ProfileLinkKind.Organization => "Organisation",
        ProfileLinkKind.Lab => "Lab",
        ProfileLinkKind.Blog => "Blog",
        _ => "Link",
    };

    public static string For(PublicationLinkKind kind) => kind switch
    {
        PublicationLinkKind.Pdf => "PDF",
        PublicationLinkKind.Code => "Code",
        PublicationLinkKind.Slides => "Slides",
        PublicationLinkKind.ProjectPage => "Project page",
        PublicationLinkKind.BlogPost => "Blog post",
        PublicationLinkKind.Benchmark => "Benchmark",
        PublicationLinkKind.Video => "Video",
        PublicationLinkKind.Poster => "Poster",
        PublicationLinkKind.Dataset => "Dataset",
        _ => "Link",
    };

    public static string For(ProjectLinkKind kind) => kind switch
    {
        ProjectLinkKind.Website => "Website",
        ProjectLinkKind.Code => "Code",
        ProjectLinkKind.Paper => "Paper",
        ProjectLinkKind.Demo => "Demo",
        ProjectLinkKind.Video => "Video",
        ProjectLinkKind.Slides => "Slides",
        ProjectLinkKind.Blog => "Blog",
        _ => "Link",
    };

    public static string For(PositionKind kind) => kind switch
    {
        PositionKind.Internship => "Internship",
        PositionKind.StudentResearcher => "Student researcher",
        PositionKind.Visiting => "Visiting",
        _ => string.Empty,
    };

    public static string For(ProjectKind kind) => kind switch
    {
        ProjectKind.Research => "Research",
        ProjectKind.OpenSource => "Open source",
        ProjectKind.Industry => "Industry",
        ProjectKind.ResourceList => "Resource list",
        _ => string.Empty,
    };

    public static string For(PublicationType type) => type switch
    {
        PublicationType.Conference => "Conference",
        PublicationType.Journal => "Journal",
        PublicationType.Workshop => "Workshop",
        PublicationType.Preprint => "Preprint",
        PublicationType.Thesis => "Thesis",
        PublicationType.BookChapter => "Book chapter",
        PublicationType.InvitedPaper => "Invited paper",
        _ => "Other",
    };
}
