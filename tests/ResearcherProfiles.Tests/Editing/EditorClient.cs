using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>Form helpers the editor tests need beyond <see cref="Accounts.SubmitFormAsync"/>.</summary>
public static class EditorClient
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>A researcher with a profile of their own, signed in.</summary>
    public static async Task<(ResearcherProfiles.Core.Entities.Researcher Profile, HttpClient Owner)> OwnedProfileAsync(this ProfilesAppFactory factory, ResearcherBuilder? builder = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var profile = await (builder ?? new ResearcherBuilder("Edith Editor")).SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(profile.Id);
        return (profile, await factory.SignInAsync(user.Email!));
    }

    public static async Task<HttpClient> SignedInAdminAsync(this ProfilesAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var admin = await factory.CreateAdminAsync();
        return await factory.SignInAsync(admin.Email!);
    }

    public static async Task<T> ReadAsync<T>(this ProfilesAppFactory factory, Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<ResearcherProfiles.Core.Entities.Researcher> ResearcherAsync(this ProfilesAppFactory factory, int id) =>
        factory.ReadAsync(db => db.Researchers.AsNoTracking().SingleAsync(r => r.Id == id));

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        return new HtmlParser().ParseDocument(html);
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The antiforgery token of the first form on <paramref name="url"/>: valid for any POST by the same user.</summary>
    public static async Task<string> TokenFromAsync(this HttpClient client, string url)
    {
        var document = await client.GetDocumentAsync(url);
        return (document.QuerySelector($"input[name={TokenField}]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {url}.");
    }

    /// <summary>Clicks a submit button with a formaction, such as Preview: the form's values go to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitToAsync(this HttpClient client, string url, string action, IReadOnlyDictionary<string, string> fields, string formSelector = "form.item-form")
    {
        var document = await client.GetDocumentAsync(url);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        form.SetAttribute("action", action);
        return await client.SubmitAsync(form, url, fields);
    }

    /// <summary>Posts <paramref name="fields"/> as a browser would, with the given antiforgery token (or none).</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        ArgumentNullException.ThrowIfNull(client);
        var values = fields.ToList();
        if (token is not null)
        {
            values.Add(new(TokenField, token));
        }
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Uploads a file through the photo form, with its antiforgery token, as multipart/form-data.</summary>
    public static async Task<HttpResponseMessage> UploadPhotoAsync(this HttpClient client, string slug, byte[] bytes, string fileName, string contentType)
    {
        ArgumentNullException.ThrowIfNull(client);
        var url = $"/edit/{slug}/photo";
        var document = await client.GetDocumentAsync(url);
        var form = (IHtmlFormElement)document.QuerySelector("form.upload-photo")!;
        Assert.Equal("multipart/form-data", form.Enctype);
        var token = ((IHtmlInputElement)form.QuerySelector($"input[name={TokenField}]")!).Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), TokenField },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "Upload", fileName);
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }

    /// <summary>
    /// Presses an Undo (or Restore) button of the history page at <paramref name="historyUrl"/> and,
    /// when the undo asks for confirmation first, the confirmation page's "Yes, undo" button: the undo's last response.
    /// </summary>
    public static async Task<HttpResponseMessage> UndoThroughConfirmationAsync(this HttpClient client, string historyUrl, IHtmlFormElement undo)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.SubmitAsync(undo, historyUrl, new Dictionary<string, string>());
        var location = response.Headers.Location?.OriginalString;
        if (response.StatusCode != HttpStatusCode.Redirect || location is null || !location.Contains("/history/undo/", StringComparison.Ordinal))
        {
            return response;
        }
        response.Dispose();
        var confirmation = await client.GetDocumentAsync(location);
        return await client.SubmitAsync((IHtmlFormElement)confirmation.QuerySelector("form.history-confirm-form")!, location, new Dictionary<string, string>());
    }

    public static void AssertRedirectsTo(this HttpResponseMessage response, string path)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect to {path}, got {(int)response.StatusCode}.");
        var location = response.Headers.Location!.OriginalString;
        // Where on the page a redirect lands (#item-…) is checked by the tests about that; others name the page.
        Assert.Equal(path, path.Contains('#', StringComparison.Ordinal) ? location : location.Split('#')[0]);
    }
}
