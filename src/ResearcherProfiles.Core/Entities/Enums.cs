namespace ResearcherProfiles.Core.Entities;

public enum ProfileLinkKind
{
    Website,
    Cv,
    GoogleScholar,
    SemanticScholar,
    Dblp,
    Orcid,
    OpenReview,
    GitHub,
    Twitter,
    LinkedIn,
    Organization,
    Lab,
    Blog,
    Other,
}

public enum PositionKind
{
    Job,
    Internship,
    StudentResearcher,
    Visiting,
    Other,
}

public enum PublicationType
{
    Conference,
    Journal,
    Workshop,
    Preprint,
    Thesis,
    BookChapter,
    InvitedPaper,
    Other,
}

public enum PublicationStatus
{
    Published,
    Accepted,
    UnderReview,
    Preprint,
    InPreparation,
    AwaitingRevision,
}

public enum PublicationLinkKind
{
    Pdf,
    Code,
    Slides,
    ProjectPage,
    BlogPost,
    Benchmark,
    Video,
    Poster,
    Dataset,
    Other,
}

public enum ProjectKind
{
    Research,
    OpenSource,
    Industry,
    ResourceList,
}

public enum ProjectLinkKind
{
    Website,
    Code,
    Paper,
    Demo,
    Video,
    Slides,
    Blog,
    Other,
}
