using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>An item as stored, reduced to what the editor tests compare.</summary>
public sealed record ItemState(int Id, int SortOrder, bool IsVisible, int Version, string Text);

/// <summary>
/// What the generic section tests need to know about one list section of the editor: a valid form,
/// the text it puts on the public page, the field that names an item, how to seed an item, and
/// how to read the stored items back.
/// </summary>
public sealed record SectionSpec(
    string Path,
    IReadOnlyDictionary<string, string> Valid,
    string NameField,
    string NameLabel,
    Func<ResearcherBuilder, string, ResearcherBuilder> Seed,
    Func<AppDbContext, int, Task<List<ItemState>>> Read,
    bool HasPreview = false,
    string? PreviewField = null)
{
    public Dictionary<string, string> ValidWith(string name) => new(Valid) { [NameField] = name };

    public override string ToString() => Path;
}

public static class SectionSpecs
{
    public static readonly IReadOnlyDictionary<string, SectionSpec> All = new[]
    {
        new SectionSpec(
            "links",
            new Dictionary<string, string> { ["Input.Kind"] = "GitHub", ["Input.Label"] = "Code on GitHub", ["Input.Url"] = "https://github.com/example" },
            "Input.Label", "Label",
            (b, name) => b.WithLink(ProfileLinkKind.Blog, "https://blog.example.org/", name),
            (db, id) => ReadAsync(db.ProfileLinks, id, l => l.Label ?? l.Url)),
        new SectionSpec(
            "education",
            new Dictionary<string, string>
            {
                ["Input.Degree"] = "Ph.D.", ["Input.Field"] = "Computer Science", ["Input.Institution"] = "Tsinghua University",
                ["Input.Start"] = "2018-09", ["Input.End"] = "2023-06", ["Input.Advisors"] = "Prof. Grace Hopper",
            },
            "Input.Degree", "Degree",
            (b, name) => b.WithEducation(new Education { Degree = name, Institution = "Seed University", Start = new PartialDate(2010) }),
            (db, id) => ReadAsync(db.Education, id, e => e.Degree)),
        new SectionSpec(
            "positions",
            new Dictionary<string, string>
            {
                ["Input.Title"] = "Research Scientist", ["Input.Employer"] = "Example Labs", ["Input.Kind"] = "Internship",
                ["Input.Start"] = "2023-07", ["Input.End"] = "", ["Input.DescriptionMarkdown"] = "Worked on **retrieval**.",
            },
            "Input.Title", "Title",
            (b, name) => b.WithPosition(new Position { Title = name, Employer = "Seed Corp", Start = new PartialDate(2020) }),
            (db, id) => ReadAsync(db.Positions, id, p => p.Title ?? ""),
            HasPreview: true, PreviewField: "Input.DescriptionMarkdown"),
        new SectionSpec(
            "news",
            new Dictionary<string, string> { ["Input.Date"] = "2023-05", ["Input.BodyMarkdown"] = "Four papers accepted to ACL 2023!" },
            "Input.BodyMarkdown", "Text",
            (b, name) => b.WithNews("2022-01", name),
            (db, id) => ReadAsync(db.News, id, n => n.BodyMarkdown),
            HasPreview: true, PreviewField: "Input.BodyMarkdown"),
        new SectionSpec(
            "awards",
            new Dictionary<string, string> { ["Input.Title"] = "National Scholarship", ["Input.Issuer"] = "Ministry of Education", ["Input.Year"] = "2019", ["Input.Note"] = "13 winners in China" },
            "Input.Title", "Title",
            (b, name) => b.WithAward(new Award { Title = name, Year = 2015 }),
            (db, id) => ReadAsync(db.Awards, id, a => a.Title)),
        new SectionSpec(
            "service",
            new Dictionary<string, string> { ["Input.Role"] = "Area Chair", ["Input.Venue"] = "ACL", ["Input.Years"] = "2023, 2021, 2022" },
            "Input.Venue", "Venue",
            (b, name) => b.WithService("Reviewer / Program Committee Member", name, 2020),
            (db, id) => ReadAsync(db.ServiceRoles, id, s => s.Venue)),
        new SectionSpec(
            "talks",
            new Dictionary<string, string>
            {
                ["Input.Title"] = "Scaling retrieval", ["Input.Host"] = "MIT NLP Seminar", ["Input.Date"] = "2024-03",
                ["Input.SlidesUrl"] = "https://example.org/slides.pdf", ["Input.VideoUrl"] = "https://video.example.org/1",
            },
            "Input.Title", "Title",
            (b, name) => b.WithTalk(new Talk { Title = name, Host = "Seed Seminar" }),
            (db, id) => ReadAsync(db.Talks, id, t => t.Title ?? "")),
        new SectionSpec(
            "writing",
            new Dictionary<string, string>
            {
                ["Input.ListTitle"] = "Blogs on Triton Programming", ["Input.Title"] = "Triton from scratch",
                ["Input.Url"] = "https://blog.example.org/triton", ["Input.Date"] = "2024",
            },
            "Input.Title", "Title",
            (b, name) => b.WithWriting(new WritingItem { Title = name, Url = "https://example.org/w" }),
            (db, id) => ReadAsync(db.Writing, id, w => w.Title)),
        new SectionSpec(
            "projects",
            new Dictionary<string, string>
            {
                ["Input.Title"] = "Retrieval toolkit", ["Input.Role"] = "Project lead", ["Input.Kind"] = "OpenSource",
                ["Input.Start"] = "2022-03", ["Input.End"] = "", ["Input.NarrativeMarkdown"] = "Built **fast** retrieval.",
                ["Input.Links[0].Kind"] = "Code", ["Input.Links[0].Url"] = "https://github.com/example/toolkit",
            },
            "Input.Title", "Title",
            (b, name) => b.WithProject(new Project { Title = name, Kind = ProjectKind.Research, Start = new PartialDate(2021) }),
            (db, id) => ReadAsync(db.Projects, id, p => p.Title),
            HasPreview: true, PreviewField: "Input.NarrativeMarkdown"),
    }.ToDictionary(s => s.Path);

    public static TheoryData<string> Paths => new(All.Keys);

    /// <summary>The researcher's items of this section in the editor's order.</summary>
    public static Task<List<ItemState>> ItemsAsync(this ProfilesAppFactory factory, string section, int researcherId) =>
        factory.ReadAsync(db => All[section].Read(db, researcherId));

    private static async Task<List<ItemState>> ReadAsync<T>(DbSet<T> set, int researcherId, Func<T, string> text) where T : ProfileItem
    {
        var items = await set.AsNoTracking().Where(i => i.ResearcherId == researcherId).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync();
        return items.Select(i => new ItemState(i.Id, i.SortOrder, i.IsVisible, i.Version, text(i))).ToList();
    }
}
