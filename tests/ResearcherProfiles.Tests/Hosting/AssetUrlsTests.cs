using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>The public views write their scripts' and stylesheet's addresses themselves, versioned by the files' content.</summary>
public sealed class AssetUrlsTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public async Task A_profile_links_its_stylesheet_and_scripts_with_their_content_version_and_each_address_serves_the_file()
    {
        var profile = await new ResearcherBuilder("Versioned Assets").WithPublication("A cited paper", p => p.Owner(), highlighted: true).SaveAsync(factory);
        var visitor = factory.CreateVisitor();

        var page = await visitor.GetPageAsync($"/people/{profile.Slug}");

        var addresses = page.Document.QuerySelectorAll("link[rel=stylesheet], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();
        var versions = factory.Services.GetRequiredService<IFileVersionProvider>();
        foreach (var path in new[] { "/css/site.css", "/js/cite.js", "/js/edit-link.js", "/js/print.js" })
        {
            var address = Assert.Single(addresses, a => a.StartsWith(path + "?v=", StringComparison.Ordinal));
            Assert.Equal(versions.AddFileVersionToPath(default, path), address);
            var response = await visitor.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The version is the content's hash (SHA-256, base64url): a changed file gets a new address.
            var hash = Convert.ToBase64String(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            Assert.Equal(path + "?v=" + hash, address);
        }
    }
}
