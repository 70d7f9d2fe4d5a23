namespace ResearcherProfiles.Core.Entities;

/// <summary>Lengths of a publication's bibliographic details, shared by the database, the import and the form.</summary>
public static class PublicationLimits
{
    public const int Volume = 50;
    public const int Number = 50;
    public const int Pages = 50;
    public const int Publisher = 200;
    public const int Note = 500;
}
