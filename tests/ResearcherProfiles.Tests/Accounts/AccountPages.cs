using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Accounts;

/// <summary>The account forms as a browser fills them, and what the tests read back.</summary>
internal static partial class AccountPages
{
    public static Task<HttpResponseMessage> SubmitLoginAsync(this HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public static Task<HttpResponseMessage> SubmitForgotPasswordAsync(this HttpClient client, string email) =>
        client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

    /// <summary>Opens the reset link as a browser would and submits the new password.</summary>
    public static Task<HttpResponseMessage> SubmitResetPasswordAsync(this HttpClient client, string link, string password, string? confirm = null) =>
        client.SubmitFormAsync(PathAndQuery(link), new Dictionary<string, string>
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });

    public static async Task<HtmlPage> ReadPageAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlPage(response.StatusCode, response.Headers, response.Content.Headers, new HtmlParser().ParseDocument(html));
    }

    /// <summary>Follows a redirect the way a browser would (the clients in these tests do not).</summary>
    public static async Task<HtmlPage> FollowAsync(this HttpClient client, HttpResponseMessage redirect)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return await client.GetPageAsync(redirect.Headers.Location!.OriginalString);
    }

    /// <summary>The error shown next to a field, e.g. "Input.Password".</summary>
    public static string? FieldError(this HtmlPage page, string field) =>
        page.TextOf($"[data-valmsg-for='{field}']") is { Length: > 0 } text ? text : null;

    /// <summary>The text of the error summary, or null when it is empty.</summary>
    public static string? FormErrors(this HtmlPage page) =>
        page.TextOf(".form-errors[role=alert]") is { Length: > 0 } text ? text : null;

    public static string DataDirectory(this ProfilesAppFactory factory) =>
        factory.Services.GetRequiredService<IConfiguration>()["DataDirectory"]!;

    /// <summary>Every message the pickup-folder sender wrote to <paramref name="recipient"/>.</summary>
    public static IReadOnlyList<string> MailTo(this ProfilesAppFactory factory, string recipient)
    {
        var folder = Path.Combine(factory.DataDirectory(), "mail");
        return !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.eml")
                .Select(File.ReadAllText)
                .Where(m => m.StartsWith($"To: {recipient}\r\n", StringComparison.Ordinal))
                .ToList();
    }

    public static string ResetLinkIn(string message) =>
        ResetLink().Match(message) is { Success: true } match ? match.Value : throw new InvalidOperationException("No reset link in:\n" + message);

    /// <summary>The path and query of an absolute http(s) link; a relative link as it is ("/x" alone would parse as a file URI on Unix).</summary>
    public static string PathAndQuery(string link) =>
        link.StartsWith("http", StringComparison.Ordinal) ? new Uri(link).PathAndQuery : link;

    public static async Task SetDisabledAsync(this ProfilesAppFactory factory, string email, bool disabled = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        user.IsDisabled = disabled;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }

    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.org";

    [GeneratedRegex(@"https?://[^\s]+/account/reset-password\?[^\s]+")]
    private static partial Regex ResetLink();
}
