using System.Net;
using AngleSharp.Html.Parser;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Validation;

/// <summary>
/// The account pages, every page of the demo researcher's profile editor and the administration
/// pages, also with error messages showing, run through the W3C Nu HTML Checker (vnu.jar).
/// </summary>
public sealed class SignedInHtmlValidityTests(SignedInHtmlValidityTests.DemoSiteFactory factory)
    : IClassFixture<SignedInHtmlValidityTests.DemoSiteFactory>
{
    private const string Slug = DemoAccounts.ResearcherProfileSlug;

    public sealed class DemoSiteFactory : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            ["Demo:Seed"] = "true",
            // Every test signs in and sends forms with errors from the same address.
            ["RateLimiting:Accounts:PermitLimit"] = "1000",
        };
    }

    [Fact]
    public async Task Account_pages_are_valid_html_also_with_errors()
    {
        var pages = new Pages();
        var visitor = factory.CreateVisitor();
        await pages.GetAsync(visitor, "/account/login");
        await pages.SubmitAsync(visitor, "/account/login", "with errors", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
        await pages.SubmitAsync(visitor, "/account/login", "with a wrong password",
            new() { ["Input.Email"] = DemoAccounts.ResearcherEmail, ["Input.Password"] = "not the password" });
        await pages.GetAsync(visitor, "/account/forgot-password");
        await pages.SubmitAsync(visitor, "/account/forgot-password", "with errors", new() { ["Input.Email"] = "" });
        await pages.GetAsync(visitor, "/account/reset-password");
        var reset = $"/account/reset-password?email={Uri.EscapeDataString(DemoAccounts.ResearcherEmail)}&token=not-a-real-token";
        await pages.GetAsync(visitor, reset);
        await pages.SubmitAsync(visitor, reset, "with errors", new() { ["Input.NewPassword"] = "short", ["Input.ConfirmPassword"] = "other" });
        await pages.GetAsync(visitor, "/account/invitation?token=not-a-real-token");

        var researcher = await factory.SignInAsync(DemoAccounts.ResearcherEmail, DemoAccounts.ResearcherPassword);
        await pages.GetAsync(researcher, "/account");
        await pages.GetAsync(researcher, "/account/change-password");
        await pages.SubmitAsync(researcher, "/account/change-password", "with errors", new() { ["Input.NewPassword"] = "short" });
        await pages.GetAsync(researcher, "/account/access-denied", HttpStatusCode.Forbidden);

        await pages.AssertValidAsync();
    }

    [Fact]
    public async Task Every_editor_page_of_the_demo_profile_is_valid_html_also_with_errors()
    {
        var pages = new Pages();
        var owner = await factory.SignInAsync(DemoAccounts.ResearcherEmail, DemoAccounts.ResearcherPassword);
        var home = $"/edit/{Slug}";
        var sections = await pages.GetAsync(owner, home) is { } html
            ? new HtmlParser().ParseDocument(html).QuerySelectorAll("nav.editor-nav a[href]").Select(a => a.GetAttribute("href")!).ToList()
            : [];
        Assert.True(sections.Count >= 10, $"the editor's navigation lists only [{string.Join(", ", sections)}]");

        foreach (var url in sections.Where(u => u != home))
        {
            var page = await pages.GetAsync(owner, url);
            if (page is null || !page.Contains("class=\"form item-form\"", StringComparison.Ordinal))
            {
                continue;
            }
            // A list section: one item's edit form, and the add form sent empty.
            var document = new HtmlParser().ParseDocument(page);
            if (document.QuerySelector(".editor-items > li[id^='item-']")?.Id is { } itemId)
            {
                await pages.GetAsync(owner, $"{url}/{itemId["item-".Length..]}");
            }
            var empty = document.QuerySelectorAll("form.item-form input[type=text], form.item-form input:not([type]), form.item-form textarea")
                .Select(e => e.GetAttribute("name"))
                .OfType<string>()
                .ToDictionary(name => name, _ => string.Empty);
            await pages.SubmitAsync(owner, url, "adding an empty item", empty, "form.item-form");
        }

        await pages.SubmitAsync(owner, home, "with errors", new() { ["Input.DisplayName"] = "", ["Input.Slug"] = "Not A Slug" }, "form.basics-form");
        await pages.SubmitAsync(owner, $"{home}/photo", "uploading no file", new(), "form.upload-photo");
        var list = await pages.GetAsync(owner, $"{home}/publications");
        var firstPublication = new HtmlParser().ParseDocument(list ?? string.Empty)
            .QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!)
            .First(href => href.StartsWith($"{home}/publications/", StringComparison.Ordinal) && !href.EndsWith("/new", StringComparison.Ordinal));
        await pages.GetAsync(owner, firstPublication);
        var newPublication = $"{home}/publications/new";
        await pages.GetAsync(owner, newPublication);
        await pages.SubmitAsync(owner, newPublication, "after adding an author row", new() { ["Command"] = "add-author" }, "form.publication-form");
        await pages.SubmitAsync(owner, newPublication, "saved without a title",
            new() { ["Command"] = "save", ["Input.Title"] = "", ["Input.Year"] = "12" }, "form.publication-form");
        var import = $"{home}/publications/import";
        await pages.GetAsync(owner, import);
        await pages.SubmitAsync(owner, import, "with no text", new() { ["Bibtex"] = "" }, "form.import-source");
        await pages.SubmitAsync(owner, import, "previewing new, repeated and broken entries", new()
        {
            ["Bibtex"] = """
                @inproceedings{a, title = {Checked {Markup}}, author = {Castellanos, Mira and Wei, Li* and others}, booktitle = {ACL}, year = 2024, pdf = {paper.pdf}, award = {Oral}}
                @inproceedings{b, title = {Checked markup}, author = {Mira Castellanos}, year = 2024}
                @article{c, author = {Nobody}}
                """,
        }, "form.import-source");

        await pages.AssertValidAsync();
    }

    [Fact]
    public async Task Administration_pages_are_valid_html_also_with_errors()
    {
        var pages = new Pages();
        var admin = await factory.SignInAsync(DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
        var overview = await pages.GetAsync(admin, "/admin");
        var manage = new HtmlParser().ParseDocument(overview ?? string.Empty)
            .QuerySelectorAll("#profiles a[href^='/admin/profiles/']").Select(a => a.GetAttribute("href")!).FirstOrDefault();
        Assert.NotNull(manage);
        await pages.GetAsync(admin, "/admin?q=castellanos");
        await pages.GetAsync(admin, "/admin?q=nobody-matches-this");
        await pages.GetAsync(admin, "/admin/invite");
        await pages.SubmitAsync(admin, "/admin/invite", "with errors", new(), "#invite-form");
        await pages.GetAsync(admin, "/admin/profiles/new");
        await pages.SubmitAsync(admin, "/admin/profiles/new", "with errors", new(), "main form.form");
        await pages.GetAsync(admin, "/admin/trash");
        await pages.GetAsync(admin, manage);
        await pages.GetAsync(admin, $"/edit/{Slug}");

        await pages.AssertValidAsync();
    }

    /// <summary>The pages collected for one run of the checker, and the requests that went wrong on the way.</summary>
    private sealed class Pages
    {
        private readonly Dictionary<string, string> html = [];
        private readonly List<string> failures = [];

        /// <returns>The page's HTML, or null (after noting the failure) when it answered with another status.</returns>
        public async Task<string?> GetAsync(HttpClient client, string url, params HttpStatusCode[] expected)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            return await AddAsync(url, response, expected.Length == 0 ? [HttpStatusCode.OK] : expected);
        }

        /// <summary>Submits the page's form with <paramref name="fields"/> changed; the page it answers with (not a redirect) is kept.</summary>
        public async Task SubmitAsync(HttpClient client, string url, string state, Dictionary<string, string> fields, string formSelector = "main form")
        {
            using var response = await client.SubmitFormAsync(url, fields, formSelector);
            await AddAsync($"{url} {state}", response, [HttpStatusCode.OK]);
        }

        private async Task<string?> AddAsync(string name, HttpResponseMessage response, HttpStatusCode[] expected)
        {
            if (!expected.Contains(response.StatusCode))
            {
                failures.Add($"{name} answered {(int)response.StatusCode} {response.Headers.Location}");
                return null;
            }
            var body = await response.Content.ReadAsStringAsync();
            html[name] = body;
            return body;
        }

        public async Task AssertValidAsync()
        {
            var problems = failures.Concat(await HtmlChecker.ErrorsAsync(html)).ToList();
            Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in {html.Count} pages:\n" + string.Join('\n', problems));
        }
    }
}
