using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

public sealed class DemoAccountsTests(DemoAccountsTests.DemoSiteFactory factory) : IClassFixture<DemoAccountsTests.DemoSiteFactory>
{
    public sealed class DemoSiteFactory : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
            new Dictionary<string, string> { ["Demo:Seed"] = "true" };
    }

    [Fact]
    public async Task The_demo_administrator_signs_in_with_the_documented_password()
    {
        var browser = await factory.SignInAsync(DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);

        var account = await browser.GetPageAsync("/account");

        Assert.Contains("Administration", account.TextsOf("main a"));
    }

    [Fact]
    public async Task The_demo_researcher_signs_in_and_owns_the_homepage_style_profile()
    {
        var browser = await factory.SignInAsync(DemoAccounts.ResearcherEmail, DemoAccounts.ResearcherPassword);

        var account = await browser.GetPageAsync("/account");

        Assert.Equal(HttpStatusCode.OK, account.Status);
        Assert.Contains($"/edit/{DemoSlugs.HomepageStyle}", account.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("Administration", account.TextsOf("main a"));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var owner = await db.Researchers.Where(r => r.Slug == DemoSlugs.HomepageStyle).Select(r => r.Owner!.Email).SingleAsync();
        Assert.Equal(DemoAccounts.ResearcherEmail, owner);
    }

    [Fact]
    public void A_seeded_demo_site_logs_no_setup_link()
    {
        Assert.Null(factory.Services.GetRequiredService<FirstStartSetup>().Token);
    }

    [Fact]
    public void The_README_lists_the_demo_credentials()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));

        foreach (var text in new[] { DemoAccounts.AdminEmail, DemoAccounts.AdminPassword, DemoAccounts.ResearcherEmail, DemoAccounts.ResearcherPassword })
        {
            Assert.Contains(text, readme, StringComparison.Ordinal);
        }
    }
}
