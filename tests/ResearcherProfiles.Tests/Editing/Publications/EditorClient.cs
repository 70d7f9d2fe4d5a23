using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>Browser steps the editor tests share: reading pages, finding a row's form, posting with a borrowed token.</summary>
public static class EditorClient
{
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The form holding a hidden input <paramref name="name"/> = <paramref name="value"/>: the row a button acts on.</summary>
    public static IHtmlFormElement FormWith(this IHtmlDocument document, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.QuerySelectorAll("main form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.QuerySelector($"input[type=hidden][name='{name}'][value='{value}']") is not null)
            ?? throw new InvalidOperationException($"No form with {name}={value}.");
    }

    /// <summary>Presses a row's button: opens <paramref name="url"/>, takes the row's form and submits it with the button's value.</summary>
    public static async Task<HttpResponseMessage> PressRowButtonAsync(
        this HttpClient client, string url, string hiddenName, string hiddenValue, IReadOnlyDictionary<string, string> button)
    {
        var document = await client.GetDocumentAsync(url);
        return await client.SubmitAsync(document.FormWith(hiddenName, hiddenValue), url, button);
    }

    /// <summary>
    /// Posts <paramref name="fields"/> to <paramref name="postUrl"/> with the antiforgery token of
    /// the first form on <paramref name="tokenPageUrl"/>: a valid token for this user, aimed at another address.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(
        this HttpClient client, string tokenPageUrl, string postUrl, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var document = await client.GetDocumentAsync(tokenPageUrl);
        var token = document.QuerySelector("main form input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPageUrl}.");
        var values = fields.Append(new("__RequestVerificationToken", token)).ToList();
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), content);
    }

    public static async Task<T> QueryAsync<T>(this ProfilesAppFactory factory, Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static void AssertRedirectTo(this HttpResponseMessage response, string path)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect to {path}, got {(int)response.StatusCode}.");
        Assert.Equal(path, response.Headers.Location?.OriginalString.Split('?', '#')[0]);
    }
}
