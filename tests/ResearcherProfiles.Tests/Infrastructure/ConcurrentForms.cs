using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>One form as a browser would post it: taken from a real page, antiforgery token included.</summary>
public sealed record PreparedPost(HttpClient Client, string Action, IReadOnlyList<KeyValuePair<string, string>> Values);

/// <summary>
/// Races real forms: every post is read from its page first (as a person who opened two tabs),
/// then all are sent at the same moment. Tests assert on what the server answered and stored.
/// </summary>
public static class ConcurrentForms
{
    /// <summary>The form matching <paramref name="formSelector"/> on <paramref name="url"/>, with <paramref name="fields"/> overriding its values.</summary>
    public static async Task<PreparedPost> PrepareAsync(this HttpClient client, string url, string formSelector, IReadOnlyDictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        var values = Accounts.FormValues(form, fields ?? new Dictionary<string, string>());
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return new PreparedPost(client, action, values);
    }

    /// <summary>Sends every post at once and returns the status codes, in the order given.</summary>
    public static async Task<IReadOnlyList<HttpStatusCode>> SendTogetherAsync(IReadOnlyList<PreparedPost> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = posts.Select(async post =>
        {
            await start.Task;
            using var content = new FormUrlEncodedContent(post.Values);
            using var response = await post.Client.PostAsync(new Uri(post.Action, UriKind.Relative), content);
            return response.StatusCode;
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(sending).WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Fails with the list of answers when any was a server error.</summary>
    public static void AssertNoServerErrors(IEnumerable<HttpStatusCode> statuses)
    {
        var all = statuses.ToList();
        Assert.True(all.All(s => (int)s < 500), $"Server errors among the answers: {string.Join(", ", all.Select(s => (int)s))}");
    }
}
