using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Admin;

/// <summary>
/// The app for administration tests. These tests sign in and submit account forms far more often
/// than the per-client rate limit allows real clients, and every test request comes from the same
/// (absent) address, so the limit is raised here.
/// </summary>
public sealed class AdminAppFactory : ProfilesAppFactory
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
    {
        ["RateLimiting:Accounts:PermitLimit"] = "100000",
    };

    /// <summary>A browser signed in as a new administrator, and that administrator's id.</summary>
    public async Task<(HttpClient Client, string UserId)> SignInAdminAsync()
    {
        var admin = await this.CreateAdminAsync();
        return (await this.SignInAsync(admin.Email!), admin.Id);
    }

    /// <summary>A browser signed in as a new researcher who owns a new profile.</summary>
    public async Task<HttpClient> SignInResearcherAsync()
    {
        var profile = await new ResearcherBuilder("Plain Researcher").SaveAsync(this);
        var researcher = await this.CreateResearcherAsync(profile.Id);
        return await this.SignInAsync(researcher.Email!);
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Everything an administration handler could change, as one comparable string.</summary>
    public Task<string> SnapshotAsync() => QueryAsync(async db => JsonSerializer.Serialize(new
    {
        Researchers = await db.Researchers.OrderBy(r => r.Id).Select(r => new { r.Id, r.Slug, r.IsHidden, r.DeletedAt, r.OwnerId, r.Version }).ToListAsync(),
        Users = await db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.IsDisabled, u.SecurityStamp }).ToListAsync(),
        Invitations = await db.Invitations.OrderBy(i => i.Id).Select(i => new { i.Id, i.AcceptedAt, i.RevokedAt }).ToListAsync(),
        Publications = await db.Publications.CountAsync(),
        Revisions = await db.Revisions.CountAsync(),
    }));

    /// <summary>The path and query of the invitation link in the newest message to <paramref name="email"/>.</summary>
    public string InvitationLinkFor(string email)
    {
        var folder = Path.Combine(Services.GetRequiredService<IConfiguration>()["DataDirectory"]!, "mail");
        var message = Directory.GetFiles(folder, "*.eml")
            .Select(f => (File: f, Text: File.ReadAllText(f)))
            .Where(m => m.Text.Contains($"To: {email}\r\n", StringComparison.Ordinal))
            .OrderByDescending(m => File.GetLastWriteTimeUtc(m.File))
            .Select(m => m.Text)
            .FirstOrDefault() ?? throw new InvalidOperationException($"No message to {email} in {folder}.");
        var match = Regex.Match(message, @"https?://[^/\s]+(/account/invitation\?token=[A-Za-z0-9_-]+)");
        Assert.True(match.Success, $"No invitation link in the message:\n{message}");
        return match.Groups[1].Value;
    }
}

public static class AdminRequests
{
    /// <summary>
    /// POSTs <paramref name="fields"/> to <paramref name="url"/> with a valid antiforgery token of
    /// this browser (taken from the form on <paramref name="tokenPage"/>), like a crafted request
    /// that only authorization can stop.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string tokenPage, string url, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri(tokenPage, UriKind.Relative));
        var token = new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPage}.");
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>The response of a form submission as a page, for the messages it shows.</summary>
    public static async Task<HtmlPage> ReadPageAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlPage(response.StatusCode, response.Headers, response.Content.Headers, new HtmlParser().ParseDocument(html));
    }

    public static void AssertRedirectedTo(this HttpResponseMessage response, string path)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var actual = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        Assert.StartsWith(path, actual, StringComparison.OrdinalIgnoreCase);
    }
}
