using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>
/// The data-protection key ring is in the database: app instances with data folders of their own
/// but one database read each other's sign-in cookies and antiforgery tokens; keys an earlier
/// version kept in data/keys are moved into the database, so nobody is signed out by the upgrade.
/// </summary>
public sealed class SharedKeyRingTests
{
    /// <summary>An app over its own data folder and the database of another folder.</summary>
    private sealed class Instance(string data, string databaseFolder) : ProfilesAppFactory(data, databaseFolder);

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "researcher-profiles-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A client that keeps no cookies itself: the test carries them from one instance to the other.</summary>
    private static HttpClient Bare(ProfilesAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static void Keep(Dictionary<string, string> jar, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                var pair = cookie.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                jar[pair[..equals]] = pair[(equals + 1)..];
            }
        }
    }

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(HttpClient client, Dictionary<string, string> jar, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await client.SendAsync(request);
        Keep(jar, response);
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> jar, string url, IHtmlFormElement form, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(Infrastructure.Accounts.FormValues(form, fields)),
        };
        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await client.SendAsync(request);
        Keep(jar, response);
        return response;
    }

    [Fact]
    public async Task A_sign_in_and_a_form_from_one_instance_are_accepted_by_another_on_the_same_database()
    {
        var database = NewFolder();
        await using var first = new Instance(NewFolder(), database);
        await using var second = new Instance(NewFolder(), database);
        var (profile, _) = await first.OwnedProfileAsync(new ResearcherBuilder("Twin Keys"));
        var email = $"twin-{Guid.NewGuid():N}@example.org";
        await first.CreateResearcherAsync(profile.Id, email);
        using var one = Bare(first);
        using var two = Bare(second);
        var jar = new Dictionary<string, string>();

        var (_, login) = await GetAsync(one, jar, "/account/login");
        using var signedIn = await PostAsync(one, jar, "/account/login", (IHtmlFormElement)login.QuerySelector("main form")!, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Infrastructure.Accounts.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The other instance knows who this is, and takes a form the first one made.
        var (editor, page) = await GetAsync(two, jar, $"/edit/{profile.Slug}/awards");
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        var (_, formPage) = await GetAsync(one, jar, $"/edit/{profile.Slug}/awards");
        using var saved = await PostAsync(two, jar, $"/edit/{profile.Slug}/awards", (IHtmlFormElement)formPage.QuerySelector("form.item-form")!, new Dictionary<string, string>
        {
            ["Input.Title"] = "Twin Prize",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["Twin Prize"], await first.ReadAsync(db => db.Awards.Where(a => a.ResearcherId == profile.Id).Select(a => a.Title).ToListAsync()));
        Assert.NotNull(page.QuerySelector("form.item-form"));
    }

    [Fact]
    public async Task Keys_kept_in_the_data_folder_move_into_the_database_and_still_read_what_they_protected()
    {
        var data = NewFolder();
        var keys = new DirectoryInfo(Path.Combine(data, "keys"));
        var before = DataProtectionProvider.Create(keys, b => b.SetApplicationName("ResearcherProfiles"));
        var payload = before.CreateProtector("upgrade-test").Protect("still readable");
        Assert.NotEmpty(keys.GetFiles("key-*.xml"));

        await using var app = new Instance(data, data);
        app.CreateVisitor().Dispose();

        Assert.Equal(keys.GetFiles("key-*.xml").Length, await app.ReadAsync(db => db.DataProtectionKeys.CountAsync()));
        var provider = app.Services.GetRequiredService<IDataProtectionProvider>();
        Assert.Equal("still readable", provider.CreateProtector("upgrade-test").Unprotect(payload));
    }
}
