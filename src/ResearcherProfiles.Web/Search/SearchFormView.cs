namespace ResearcherProfiles.Web.Search;

/// <summary>What the search box shows: the query kept in the box, and the filters it keeps.</summary>
public sealed record SearchFormView(string Query, string? Interest = null, string? Affiliation = null);
