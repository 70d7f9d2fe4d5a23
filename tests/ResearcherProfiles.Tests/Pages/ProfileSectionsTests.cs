using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>The CV-like sections of a profile: projects, education, experience, awards, service, talks, skills, writing.</summary>
public sealed class ProfileSectionsTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task Projects_show_role_kind_dates_status_popularity_people_narrative_and_links()
    {
        var researcher = await new ResearcherBuilder("Project Lead")
            .WithProject(new Project
            {
                Title = "FastTokenizer",
                Role = "Project led by me; maintained by the lab",
                Kind = ProjectKind.OpenSource,
                Summary = "A tokenizer that is fast.",
                NarrativeMarkdown = "# Problem\n\nTokenizers are **slow**.\n\n## Key results\n\n- 10x faster",
                Mentors = "Prof. Jane Doe",
                Collaborators = "Bo Chen, Li Wei",
                Start = TestDates.Of("2022-03"),
                Status = "under review at ICLR",
                Popularity = "1k stars on GitHub",
                Links =
                [
                    new ProjectLink { Kind = ProjectLinkKind.Code, Url = "https://github.com/example/fasttokenizer", SortOrder = 0 },
                    new ProjectLink { Kind = ProjectLinkKind.Demo, Url = "https://demo.example.org", Label = "Live demo", SortOrder = 1 },
                ],
            })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var project = page.Section("Projects")?.QuerySelector("article.project");
        Assert.NotNull(project);
        Assert.Equal("FastTokenizer", project.QuerySelector("h3")?.CleanText());
        Assert.Equal("Project led by me; maintained by the lab", project.QuerySelector(".project-role")?.CleanText());
        Assert.Equal("A tokenizer that is fast.", project.QuerySelector(".project-summary")?.CleanText());
        Assert.Equal("Open source", project.QuerySelector(".kind")?.CleanText());
        Assert.Equal("Mar 2022 – present", project.QuerySelector(".dates")?.CleanText());
        Assert.Equal("under review at ICLR", project.QuerySelector(".project-status")?.CleanText());
        Assert.Equal("1k stars on GitHub", project.QuerySelector(".popularity")?.CleanText());
        Assert.Equal(
            ["Advisors and mentors", "Prof. Jane Doe", "Collaborators", "Bo Chen, Li Wei"],
            project.QuerySelectorAll(".project-people dt, .project-people dd").Select(e => e.CleanText()));
        // The write-up is on the project's own page; the card links to it.
        var projectPage = project.QuerySelector(".more-link a")?.GetAttribute("href");
        Assert.NotNull(projectPage);
        Assert.Null(project.QuerySelector(".project-narrative"));
        var narrative = (await _visitor.GetPageAsync(projectPage)).Document.QuerySelector(".project-narrative");
        Assert.NotNull(narrative);
        Assert.Equal("Problem", narrative.QuerySelector("h2")?.CleanText());
        Assert.Equal("Key results", narrative.QuerySelector("h3")?.CleanText());
        Assert.Equal("slow", narrative.QuerySelector("strong")?.CleanText());
        Assert.Equal(
            [("Code", "https://github.com/example/fasttokenizer"), ("Live demo", "https://demo.example.org")],
            project.QuerySelectorAll(".pub-links a").Select(a => (a.CleanText(), a.GetAttribute("href"))));
    }

    [Fact]
    public async Task A_project_links_its_related_publications_to_their_entries_in_the_full_list()
    {
        var builder = new ResearcherBuilder("Related Work");
        var researcher = await builder
            .WithPublication("The Paper Behind The Project", p => p.Owner())
            .WithProject(new Project { Title = "Project With Paper" }, "The Paper Behind The Project")
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var related = page.Section("Projects")?.QuerySelector(".related a");
        Assert.NotNull(related);
        Assert.Equal("The Paper Behind The Project", related.CleanText());
        var href = related.GetAttribute("href")!;
        var fragment = href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..];
        Assert.StartsWith($"/people/{researcher.Slug}/publications#", href, StringComparison.Ordinal);
        var list = await _visitor.GetPageAsync(href[..href.IndexOf('#', StringComparison.Ordinal)]);
        Assert.Equal("The Paper Behind The Project", list.Document.GetElementById(fragment)?.QuerySelector("h3")?.CleanText());
    }

    [Fact]
    public async Task Education_shows_degree_field_institution_advisors_and_years()
    {
        var researcher = await new ResearcherBuilder("Educated Person")
            .WithEducation(new Education
            {
                Degree = "Ph.D.",
                Field = "Computer Science and Technology",
                Institution = "Tsinghua University",
                Location = "Beijing",
                Advisors = "Prof. A and Prof. B",
                Start = TestDates.Of("2015"),
                End = TestDates.Of("2019"),
            })
            .WithEducation(new Education { Degree = "M.A.", Field = "Statistics", Institution = "Columbia University", Start = TestDates.Of("2013-09"), End = TestDates.Of("2015-05") })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var items = page.Section("Education")!.QuerySelectorAll("li").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("Ph.D. in Computer Science and Technology", items[0].QuerySelector("h3")?.CleanText());
        Assert.Equal("Tsinghua University Beijing 2015 – 2019", items[0].QuerySelector(".item-meta")?.CleanText());
        Assert.Equal("2015 – 2019", items[0].QuerySelector(".dates")?.CleanText());
        Assert.Equal("Advisor: Prof. A and Prof. B", items[0].QuerySelector(".item-detail")?.CleanText());
        Assert.Equal("M.A. in Statistics", items[1].QuerySelector("h3")?.CleanText());
        Assert.Equal("Sep 2013 – May 2015", items[1].QuerySelector(".dates")?.CleanText());
    }

    [Fact]
    public async Task Positions_show_title_employer_kind_and_now_for_an_open_end()
    {
        var researcher = await new ResearcherBuilder("Employed Person")
            .WithPosition(new Position { Title = "Research Scientist", Employer = "Example AI", Start = TestDates.Of("2021-09") })
            .WithPosition(new Position
            {
                Title = "Research Intern",
                Employer = "Big Lab",
                Location = "Seattle",
                Kind = PositionKind.Internship,
                Start = TestDates.Of("2020-06"),
                End = TestDates.Of("2020-09"),
                DescriptionMarkdown = "Worked on *retrieval*.",
            })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var items = page.Section("Experience")!.QuerySelectorAll("li").ToList();
        Assert.Equal(["Research Scientist", "Research Intern"], items.Select(i => i.QuerySelector("h3")!.CleanText()));
        Assert.Equal("Sep 2021 – now", items[0].QuerySelector(".dates")?.CleanText());
        Assert.Equal("Example AI", items[0].QuerySelector(".item-meta span")?.CleanText());
        Assert.Null(items[0].QuerySelector(".kind"));
        Assert.Equal("Internship", items[1].QuerySelector(".kind")?.CleanText());
        Assert.Equal("Jun 2020 – Sep 2020", items[1].QuerySelector(".dates")?.CleanText());
        Assert.Equal("retrieval", items[1].QuerySelector(".item-detail em")?.CleanText());
    }

    [Fact]
    public async Task Awards_show_title_issuer_year_and_note()
    {
        var researcher = await new ResearcherBuilder("Awarded Person")
            .WithAward(new Award { Title = "National Scholarship", Issuer = "Ministry of Education", Year = 2018, Note = "13 winners in China" })
            .WithAward(new Award { Title = "Dean's List" })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Equal(
            ["National Scholarship, Ministry of Education, 2018 (13 winners in China)", "Dean's List"],
            page.Section("Awards")!.QuerySelectorAll("li").Select(li => li.CleanText()));
    }

    [Fact]
    public async Task Service_is_grouped_by_role_with_the_years_of_each_venue_folded()
    {
        var researcher = await new ResearcherBuilder("Serving Person")
            .WithService("Reviewer", "ACL", 2021)
            .WithService("Area Chair", "EMNLP", 2023)
            .WithService("Reviewer", "ACL", 2023, 2022)
            .WithService("Reviewer", "NeurIPS", 2022)
            .WithService("Organizer", "Workshop on Efficient NLP")
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var service = page.Section("Service")!;
        Assert.Equal(["Reviewer", "Area Chair", "Organizer"], service.QuerySelectorAll("dt").Select(e => e.CleanText()));
        Assert.Equal(
            ["ACL (2021, 2022, 2023); NeurIPS (2022)", "EMNLP (2023)", "Workshop on Efficient NLP"],
            service.QuerySelectorAll("dd").Select(e => e.CleanText()));
    }

    [Fact]
    public async Task Talks_show_host_date_and_slides_and_video_links()
    {
        var researcher = await new ResearcherBuilder("Speaking Person")
            .WithTalk(new Talk
            {
                Title = "Scaling Laws in Practice",
                Host = "MIT NLP Seminar",
                Location = "Cambridge, MA",
                Date = TestDates.Of("2023-05"),
                Url = "https://seminar.example.org/scaling",
                SlidesUrl = "https://example.org/slides.pdf",
                VideoUrl = "https://video.example.org/v/1",
            })
            .WithTalk(new Talk { Title = "Untitled Chat", Host = "Reading group" })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var talks = page.Section("Talks")!.QuerySelectorAll("li").ToList();
        Assert.Equal(2, talks.Count);
        var title = talks[0].QuerySelector("a.item-title-inline");
        Assert.Equal(("Scaling Laws in Practice", "https://seminar.example.org/scaling"), (title?.CleanText(), title?.GetAttribute("href")));
        Assert.Equal("MIT NLP Seminar, Cambridge, MA, May 2023", talks[0].QuerySelector(".item-meta-inline")?.CleanText());
        Assert.Equal(
            [("Slides for Scaling Laws in Practice", "https://example.org/slides.pdf"), ("Video of Scaling Laws in Practice", "https://video.example.org/v/1")],
            talks[0].QuerySelectorAll(".inline-links a").Select(a => (a.CleanText(), a.GetAttribute("href"))));
        Assert.Empty(talks[1].QuerySelectorAll("a"));
        Assert.Equal("Untitled Chat Reading group", talks[1].CleanText());
    }

    [Fact]
    public async Task Skills_are_listed()
    {
        var researcher = await new ResearcherBuilder("Skilled Person")
            .With(r => r.Skills = ["C/C++", "R", "Python", "PyTorch", "Jax"])
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Equal(["C/C++", "R", "Python", "PyTorch", "Jax"], page.Section("Skills")!.QuerySelectorAll("li").Select(li => li.CleanText()));
    }

    [Fact]
    public async Task Writing_is_grouped_under_its_list_titles()
    {
        var researcher = await new ResearcherBuilder("Writing Person")
            .WithWriting(new WritingItem { ListTitle = "Blogs on Triton Programming", Title = "Part 1: Vector add", Url = "https://blog.example.org/triton-1" })
            .WithWriting(new WritingItem { ListTitle = "Paper lists", Title = "Awesome Efficient LLMs", Url = "https://github.com/example/awesome", Description = "A curated list" })
            .WithWriting(new WritingItem { ListTitle = "Blogs on Triton Programming", Title = "Part 2: Softmax", Url = "https://blog.example.org/triton-2", Date = TestDates.Of("2024-02") })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var writing = page.Section("Writing")!;
        var titles = writing.QuerySelectorAll("h3").ToList();
        Assert.Equal(["Blogs on Triton Programming", "Paper lists"], titles.Select(h => h.CleanText()));
        var triton = titles[0].NextElementSibling!.QuerySelectorAll("li a").Select(a => (a.CleanText(), a.GetAttribute("href")));
        Assert.Equal([("Part 1: Vector add", "https://blog.example.org/triton-1"), ("Part 2: Softmax", "https://blog.example.org/triton-2")], triton);
        Assert.Equal("Feb 2024", titles[0].NextElementSibling!.QuerySelector("time")?.CleanText());
        Assert.Equal("Awesome Efficient LLMs A curated list", titles[1].NextElementSibling!.QuerySelector("li")?.CleanText());
    }

    [Fact]
    public async Task Sections_appear_in_the_order_of_the_profile()
    {
        var researcher = await new ResearcherBuilder("Full Profile")
            .With(r =>
            {
                r.AboutMarkdown = "About me.";
                r.Skills = ["Python"];
            })
            .WithNews("2024-01", "News.")
            .WithPublication("A Paper", p => p.Owner(), highlighted: true)
            .WithProject(new Project { Title = "A Project" })
            .WithEducation(new Education { Degree = "B.Sc.", Institution = "A University" })
            .WithPosition(new Position { Title = "Engineer", Employer = "A Company" })
            .WithAward(new Award { Title = "An Award" })
            .WithService("Reviewer", "ACL", 2024)
            .WithTalk(new Talk { Title = "A Talk" })
            .WithWriting(new WritingItem { Title = "A Post", Url = "https://example.org/post" })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Equal(
            ["About", "News", "Selected publications", "Projects", "Education", "Experience", "Awards", "Service", "Talks", "Skills", "Writing"],
            page.SectionHeadings);
        Assert.Single(page.Document.QuerySelectorAll("h1"));
    }
}
