using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>Accounts for tests, and browsers signed in through the real sign-in form.</summary>
public static class Accounts
{
    public const string Password = "correct horse battery staple";

    /// <summary>Creates a user in <paramref name="role"/>; when <paramref name="ownsResearcherId"/> is given, the user owns that profile.</summary>
    public static async Task<AppUser> CreateUserAsync(this ProfilesAppFactory factory, string email, string role, int? ownsResearcherId = null, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (ownsResearcherId is int id)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Researchers.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.OwnerId, user.Id));
        }
        return user;
    }

    public static Task<AppUser> CreateAdminAsync(this ProfilesAppFactory factory, string? email = null) =>
        factory.CreateUserAsync(email ?? $"admin-{Guid.NewGuid():N}@example.org", AccountsExtensions.AdminRole);

    public static Task<AppUser> CreateResearcherAsync(this ProfilesAppFactory factory, int ownsResearcherId, string? email = null) =>
        factory.CreateUserAsync(email ?? $"researcher-{Guid.NewGuid():N}@example.org", AccountsExtensions.ResearcherRole, ownsResearcherId);

    /// <summary>A browser with a cookie jar that has signed in through /account/login. It does not follow redirects.</summary>
    public static async Task<HttpClient> SignInAsync(this ProfilesAppFactory factory, string email, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>
    /// Opens <paramref name="url"/>, takes its form (the first, or the one matching
    /// <paramref name="formSelector"/>) with every field as the page filled it, including the
    /// antiforgery token, overrides <paramref name="fields"/>, and submits it like a browser.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, IReadOnlyDictionary<string, string> fields, string formSelector = "main form")
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        return await client.SubmitAsync(form, url, fields);
    }

    /// <summary>Submits an already parsed form with its current values plus <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, string pageUrl, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(fields);
        var values = FormValues(form, fields);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>What a browser would post for <paramref name="form"/>: its fields as filled, with <paramref name="fields"/> overriding them.</summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(fields);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not "submit" and not "button" and not "file":
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        continue;
                    }
                    values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
            }
        }
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        return values;
    }
}
