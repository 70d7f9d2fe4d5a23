using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>
/// The app for the hostile-form sweep: account forms are not rate-limited (the sweep posts them
/// many times from one address), and the outside paper sources point at a closed local port, so
/// that a lookup fails at once, as when the service is down, instead of reaching the internet.
/// </summary>
public sealed class HostileFormsAppFactory : ProfilesAppFactory
{
    private const string Closed = "http://127.0.0.1:9";

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
    {
        ["RateLimiting:Accounts:PermitLimit"] = "100000",
        ["Sources:Doi:BaseUrl"] = Closed,
        ["Sources:Arxiv:BaseUrl"] = Closed,
        ["Sources:Orcid:BaseUrl"] = Closed,
        ["Sources:Dblp:BaseUrl"] = Closed,
        ["Sources:OpenAlex:BaseUrl"] = Closed,
        ["Sources:TimeoutSeconds"] = "1",
        ["Sources:Retries"] = "1",
        ["Sources:RetryDelayMilliseconds"] = "10",
        ["Sources:MaxRetryAfterSeconds"] = "0",
    };
}

/// <summary>One name and value of a posted form; <paramref name="Encoded"/> values are already percent-encoded bytes.</summary>
public sealed record FormPair(string Name, string Value, bool Encoded = false);

/// <summary>A field of a form as the page filled it; <paramref name="Sent"/> is false for a tick box left clear.</summary>
public sealed record FormField(string Name, string Value, string Kind, IReadOnlyList<string> Options, bool Sent);

/// <summary>
/// A POST form as a page offers it, with the button that sends it: where it goes, every field
/// with its value (hidden ones and the antiforgery token included). <see cref="Signature"/> finds
/// the same form again on a fresh copy of the page; <see cref="Shape"/> is the same for the
/// forms of different rows that differ only in their ids. A form with several buttons that send
/// it somewhere different is one <see cref="PageForm"/> per button; <see cref="FirstButton"/> marks the first.
/// </summary>
public sealed record PageForm(string PageUrl, string Action, bool Multipart, IReadOnlyList<FormField> Fields, FormPair? Button, bool FirstButton, string Signature, string Shape)
{
    public List<FormPair> Pairs()
    {
        var pairs = Fields.Where(f => f.Sent).Select(f => new FormPair(f.Name, f.Value)).ToList();
        if (Button is not null)
        {
            pairs.Add(Button);
        }
        return pairs;
    }

    public override string ToString() => $"{Action}{(Button is null ? "" : $" [{Button.Name}={Button.Value}]")} (form on {PageUrl})";
}

/// <summary>One hostile submission of a form.</summary>
/// <param name="Description">What was changed, for the failure message.</param>
/// <param name="TokenTouched">The antiforgery token itself was changed: a 400 is the right answer.</param>
public sealed record FormVariant(string Description, string Action, IReadOnlyList<FormPair> Pairs, bool TokenTouched = false);

/// <summary>
/// Finds the POST forms of a site's pages by following their links, and submits hostile variants
/// of each, one change at a time, noting every answer that is a server error (or a 400 for field
/// content) and every page that fails to render after a save.
/// </summary>
public sealed partial class FormSweep(HttpClient client, ITestOutputHelper output)
{
    private const string LongValueLength = "100000";

    private readonly Dictionary<int, int> _statuses = [];
    private readonly Stopwatch _clock = new();

    public List<string> Problems { get; } = [];

    public int Requests { get; private set; }

    /// <summary>Called after each variant that saved something (was answered with a redirect) or failed on the server; the problems it returns are noted.</summary>
    public Func<string, Task<IEnumerable<string>>>? AfterSaves { get; init; }

    /// <summary>The pages reachable from <paramref name="start"/> through links that <paramref name="follow"/> allows, one per path shape.</summary>
    public async Task<List<string>> CrawlAsync(IEnumerable<string> start, Func<string, bool> follow, int maxPages)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(follow);
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(queue.Select(ShapeOf), StringComparer.Ordinal);
        var pages = new List<string>();
        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var url = queue.Dequeue();
            using var response = await SendAsync(() => client.GetAsync(new Uri(url, UriKind.Relative)), $"GET {url}");
            if (response is null || response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }
            pages.Add(url);
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var link in document.QuerySelectorAll("a[href]"))
            {
                var href = Local(link.GetAttribute("href")!, url);
                if (href is not null && follow(href) && seen.Add(ShapeOf(href)))
                {
                    queue.Enqueue(href);
                }
            }
        }
        return pages;
    }

    /// <summary>
    /// Every POST form of <paramref name="pages"/> and <paramref name="more"/> that
    /// <paramref name="include"/> allows, one per shape, those that delete or disable last.
    /// </summary>
    public async Task<List<PageForm>> DiscoverAsync(IEnumerable<string> pages, Func<PageForm, bool> include, IEnumerable<PageForm>? more = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(include);
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        var forms = new List<PageForm>();
        foreach (var page in pages)
        {
            var document = await client.GetDocumentAsync(page);
            forms.AddRange(FormsOf(document, page).Where(f => include(f) && shapes.Add(f.Shape)));
        }
        forms.AddRange((more ?? []).Where(f => include(f) && shapes.Add(f.Shape)));
        return [.. forms.OrderBy(f => Destructive().IsMatch(f.Action + " " + f.Button) ? 1 : 0)];
    }

    /// <summary>
    /// The POST forms on the answer to submitting the form <paramref name="formSelector"/> of
    /// <paramref name="pageUrl"/> with <paramref name="fields"/>: those a preview or a lookup
    /// offers. After a redirect, those of the page it leads to.
    /// </summary>
    public async Task<List<PageForm>> FormsAfterAsync(string pageUrl, string formSelector, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await client.SubmitFormAsync(pageUrl, fields, formSelector);
        if (response.StatusCode == HttpStatusCode.Redirect && Local(response.Headers.Location!.OriginalString, pageUrl) is { } target)
        {
            return [.. FormsOf(await client.GetDocumentAsync(target), target)];
        }
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} for the form {formSelector} of {pageUrl}");
        return [.. FormsOf(await response.ReadDocumentAsync(), pageUrl)];
    }

    /// <summary>Submits every variant of every form; after a save, the next ones carry the record's new version.</summary>
    public async Task SweepAsync(IReadOnlyList<PageForm> forms, Func<PageForm, IEnumerable<FormVariant>> variants)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(variants);
        _clock.Start();
        foreach (var discovered in forms)
        {
            // A form no longer on its page (its row deleted, or it came with the answer to a post) is sent as it was found.
            var first = await FreshAsync(discovered) ?? discovered;
            var form = first;
            foreach (var variant in variants(first).ToList())
            {
                // Each variant changes the form as first read, with the version of the record as the page now has it,
                // so that a save does not make the next variants stale; the rest of what a save changed is not carried over.
                if (await SubmitAsync(form, WithVersionOf(variant, first, form)))
                {
                    form = await FreshAsync(discovered) ?? discovered;
                }
            }
        }
        _clock.Stop();
        output.WriteLine($"{forms.Count} forms, {Requests} requests in {_clock.Elapsed.TotalSeconds:0.0} s; statuses: " +
            string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
    }

    /// <summary><paramref name="variant"/> of <paramref name="first"/> with the version fields <paramref name="now"/> has, where the variant left them as they were.</summary>
    private static FormVariant WithVersionOf(FormVariant variant, PageForm first, PageForm now)
    {
        var versions = now.Fields.Where(f => f.Kind == "hidden" && (f.Name.EndsWith("Version", StringComparison.Ordinal) || f.Name == "OriginalValues"))
            .DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        var was = first.Fields.DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        return variant with
        {
            Pairs = [.. variant.Pairs.Select(p => !p.Encoded && versions.TryGetValue(p.Name, out var current) && was.TryGetValue(p.Name, out var old) && p.Value == old ? p with { Value = current } : p)],
        };
    }

    /// <summary>
    /// The variants every form gets: hostile text in each field, numbers out of range where a number
    /// belongs, unknown choices, repeated and added keys. Fields of a list are varied in its first
    /// row only, and the fields of a form with several buttons with its first button only: the
    /// others get variants of their own value.
    /// </summary>
    public static IEnumerable<FormVariant> FieldVariants(PageForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var longValue = string.Concat(Enumerable.Repeat("Long value ", 10_000))[..int.Parse(LongValueLength, CultureInfo.InvariantCulture)];
        if (form.Button is { } button)
        {
            var digits = TrailingDigits().Match(button.Value);
            var values = digits.Success ? Numbers.Select(n => button.Value[..digits.Index] + n) : [];
            foreach (var value in values.Append(longValue).Append("not-a-command").Append(""))
            {
                yield return new FormVariant($"button {button.Name} = \"{(value.Length > 40 ? "100,000 characters" : value)}\"", form.Action,
                    [.. form.Pairs().Where(p => p != button), new FormPair(button.Name, value)]);
            }
        }
        var fields = form.FirstButton ? form.Fields.DistinctBy(f => f.Name).Where(f => FirstRow(f.Name)) : [];
        foreach (var field in fields)
        {
            var token = field.Name == EditorClient.TokenField;
            yield return Replace(form, field, $"{field.Name} = 100,000 characters", new FormPair(field.Name, longValue), token);
            yield return Replace(form, field, $"{field.Name} = control characters", new FormPair(field.Name, "Con\0trol\u0001\u0008\u001B[2J\u007F\u0085\u202E\r\rend\t"), token);
            yield return Replace(form, field, $"{field.Name} = a lone surrogate and broken UTF-8", new FormPair(field.Name, "lone%ED%A0%80surrogate%FF%C3%28%F0%9F", Encoded: true), token);
            if (token)
            {
                continue;
            }
            if (LooksNumeric(field))
            {
                foreach (var number in Numbers)
                {
                    yield return Replace(form, field, $"{field.Name} = \"{number}\"", new FormPair(field.Name, number));
                }
            }
            if (field.Kind is "select" or "radio")
            {
                yield return Replace(form, field, $"{field.Name} = a value not among its options", new FormPair(field.Name, "not-one-of-the-options"));
            }
            if (field.Kind is "checkbox")
            {
                yield return Replace(form, field, $"{field.Name} = \"maybe\"", new FormPair(field.Name, "maybe"));
            }
        }
        var others = form.Pairs().Where(p => p.Name != EditorClient.TokenField).ToList();
        var tokenPairs = form.Pairs().Where(p => p.Name == EditorClient.TokenField).ToList();
        yield return new FormVariant("every key twice with the same value", form.Action, [.. tokenPairs, .. others, .. others]);
        yield return new FormVariant("every key twice, the second time another value", form.Action,
            [.. tokenPairs, .. others, .. others.Select(p => p with { Value = $"{p.Value} second" })]);
        yield return new FormVariant("an added key Input.Items[2147483647].Name", form.Action, [.. form.Pairs(), new("Input.Items[2147483647].Name", "Added")]);
        foreach (var (prefix, suffix) in form.Fields.Select(f => Indexed().Match(f.Name)).Where(m => m.Success)
            .Select(m => (m.Groups["prefix"].Value, m.Groups["suffix"].Value)).DistinctBy(p => p.Item1))
        {
            foreach (var index in new[] { "2147483647", "-1", "99999999999999999999" })
            {
                yield return new FormVariant($"an added key {prefix}[{index}]{suffix}", form.Action, [.. form.Pairs(), new($"{prefix}[{index}]{suffix}", "Added")]);
            }
            yield return new FormVariant($"an added key {prefix}.index", form.Action, [.. form.Pairs(), new($"{prefix}.index", "2147483647"), new($"{prefix}[2147483647]{suffix}", "Added")]);
        }
    }

    private static readonly string[] Numbers = ["-1", "0", "2147483647", "2147483648", "99999999999999999999", "1e309", "NaN", " 1 "];

    /// <summary>
    /// Variants aimed at another profile: each id in a hidden field, a choice, the action's path or
    /// query replaced by the id of the other profile's matching row (<paramref name="twins"/>), and
    /// the profile's slug replaced by the other's.
    /// </summary>
    public static IEnumerable<FormVariant> CrossProfileVariants(PageForm form, IReadOnlyDictionary<string, IReadOnlySet<string>> twins, string slug, string otherSlug)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(twins);
        foreach (var field in form.Fields.Where(f => f.Kind is "hidden" or "select" or "radio" or "checkbox" && f.Name != EditorClient.TokenField).DistinctBy(f => (f.Name, f.Value)))
        {
            var values = field.Kind is "select" or "radio" ? field.Options.Append(field.Value).Distinct() : [field.Value];
            foreach (var value in values)
            {
                foreach (var twin in twins.GetValueOrDefault(value.Trim()) ?? new HashSet<string>())
                {
                    yield return Replace(form, field, $"{field.Name} = {twin}, the other profile's twin of {value}", new FormPair(field.Name, twin), exact: field.Value);
                }
            }
            if (field.Value.Contains(slug, StringComparison.Ordinal))
            {
                yield return Replace(form, field, $"{field.Name} with the other profile's slug", new FormPair(field.Name, field.Value.Replace(slug, otherSlug, StringComparison.Ordinal)), exact: field.Value);
            }
        }
        var parts = form.Action.Split('?', 2);
        var segments = parts[0].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            foreach (var twin in twins.GetValueOrDefault(segments[i]) ?? new HashSet<string>())
            {
                var changed = (string[])segments.Clone();
                changed[i] = twin;
                var action = string.Join('/', changed) + (parts.Length > 1 ? "?" + parts[1] : "");
                yield return new FormVariant($"address {action}, the other profile's twin of {segments[i]}", action, form.Pairs());
            }
        }
        if (parts.Length > 1)
        {
            foreach (Match m in QueryValue().Matches(parts[1]))
            {
                foreach (var twin in twins.GetValueOrDefault(m.Groups["value"].Value) ?? new HashSet<string>())
                {
                    var action = $"{parts[0]}?{parts[1][..m.Groups["value"].Index]}{twin}{parts[1][(m.Groups["value"].Index + m.Groups["value"].Length)..]}";
                    yield return new FormVariant($"address {action}, the other profile's twin in the query", action, form.Pairs());
                }
            }
        }
        if (form.Action.Contains(slug, StringComparison.Ordinal))
        {
            yield return new FormVariant("the other profile's slug in the address", form.Action.Replace(slug, otherSlug, StringComparison.Ordinal), form.Pairs());
        }
    }

    private static bool FirstRow(string name) => Indexed().Match(name) is not { Success: true } m || m.Groups["index"].Value == "0";

    private static bool LooksNumeric(FormField field) =>
        field.Kind is "number" or "range" or "hidden" or "select" or "radio" or "date" or "month"
        || NumericName().IsMatch(field.Name)
        || DateLike().IsMatch(field.Value);

    /// <summary>The form's pairs with <paramref name="field"/> (all its values, or only the one equal to <paramref name="exact"/>) replaced by <paramref name="pair"/>.</summary>
    private static FormVariant Replace(PageForm form, FormField field, string description, FormPair pair, bool token = false, string? exact = null)
    {
        var pairs = form.Pairs();
        var at = pairs.FindIndex(p => p.Name == field.Name && (exact is null || p.Value == exact));
        if (at < 0)
        {
            pairs.Add(pair);
        }
        else
        {
            pairs[at] = pair;
            if (exact is null)
            {
                pairs.RemoveAll(p => p.Name == field.Name && !ReferenceEquals(p, pair));
            }
        }
        return new FormVariant(description, form.Action, pairs, token);
    }

    /// <summary>Posts one variant; whether the form must be read again, its page having changed or the answer having failed.</summary>
    private async Task<bool> SubmitAsync(PageForm form, FormVariant variant)
    {
        var what = $"{variant.Description} → POST {variant.Action} ({form})";
        using HttpContent content = form.Multipart ? Multipart(variant.Pairs) : UrlEncoded(variant.Pairs);
        using var response = await SendAsync(() => client.PostAsync(new Uri(variant.Action, UriKind.Relative), content), what);
        if (response is null)
        {
            return true;
        }
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            Problems.Add($"{status} for {what}: {Excerpt(await response.Content.ReadAsStringAsync())}");
        }
        else if (status == 400 && !variant.TokenTouched)
        {
            Problems.Add($"400 for field content: {what}: {Excerpt(await response.Content.ReadAsStringAsync())}");
        }
        // A failed request may have saved part of what it was sent: it is checked like a save.
        if (AfterSaves is not null && (status >= 500 || response.StatusCode == HttpStatusCode.Redirect))
        {
            Problems.AddRange(await AfterSaves(what));
        }
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location)
        {
            return status >= 500;
        }
        var target = Local(location.OriginalString, variant.Action);
        if (target is not null && !target.StartsWith("/account/login", StringComparison.Ordinal))
        {
            using var page = await SendAsync(() => client.GetAsync(new Uri(target, UriKind.Relative)), $"GET {target} after {what}");
            if (page is not null && (int)page.StatusCode >= 500)
            {
                Problems.Add($"{(int)page.StatusCode} for GET {target} after {what}: {Excerpt(await page.Content.ReadAsStringAsync())}");
            }
        }
        return true;
    }

    private async Task<HttpResponseMessage?> SendAsync(Func<Task<HttpResponseMessage>> send, string what)
    {
        Requests++;
        try
        {
            var response = await send();
            _statuses[(int)response.StatusCode] = _statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            return response;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Problems.Add($"The server threw for {what}: {e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    /// <summary>The form of <paramref name="form"/> on a fresh copy of its page, or null when it is gone.</summary>
    private async Task<PageForm?> FreshAsync(PageForm form)
    {
        using var response = await SendAsync(() => client.GetAsync(new Uri(form.PageUrl, UriKind.Relative)), $"GET {form.PageUrl}");
        if (response is null || (int)response.StatusCode >= 500)
        {
            if (response is not null)
            {
                Problems.Add($"{(int)response.StatusCode} for GET {form.PageUrl}: {Excerpt(await response.Content.ReadAsStringAsync())}");
            }
            return null;
        }
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }
        var forms = FormsOf(new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), form.PageUrl).ToList();
        // The ids of its rows may have changed with a save: then the form that goes to the same place.
        return forms.FirstOrDefault(f => f.Signature == form.Signature) ?? forms.FirstOrDefault(f => f.Action == form.Action && f.Button == form.Button);
    }

    /// <summary>Every POST form of the page, once for each submit button that sends it somewhere of its own.</summary>
    public static IEnumerable<PageForm> FormsOf(IHtmlDocument document, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var action = Local(form.GetAttribute("action") ?? "", pageUrl);
            if (action is null)
            {
                continue;
            }
            var fields = FieldsOf(form);
            var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
            var buttons = form.Elements
                .Where(e => e is IHtmlButtonElement { Type: "submit" } || e is IHtmlInputElement { Type: "submit" })
                .Where(e => !string.Equals(e.GetAttribute("formmethod"), "get", StringComparison.OrdinalIgnoreCase))
                .Select(e => (Name: e.GetAttribute("name"), Value: e is IHtmlButtonElement b ? b.Value : ((IHtmlInputElement)e).Value, Action: e.GetAttribute("formaction")))
                .Distinct()
                .ToList();
            if (buttons.Count == 0)
            {
                buttons.Add((null, "", null));
            }
            foreach (var (i, (name, value, formAction)) in buttons.Index())
            {
                var target = formAction is null ? action : Local(formAction, pageUrl);
                if (target is null)
                {
                    continue;
                }
                var button = string.IsNullOrEmpty(name) ? null : new FormPair(name, value ?? "");
                var ids = string.Join('&', fields.Where(f => f.Kind == "hidden" && IdName().IsMatch(f.Name)).Select(f => $"{f.Name}={f.Value}"));
                var signature = $"{target} {button} {ids}";
                var shape = $"{Shape(target)} {button?.Name}={Shape(button?.Value ?? "")} {string.Join(',', fields.Select(f => Shape(f.Name)).Distinct().Order(StringComparer.Ordinal))}";
                yield return new PageForm(pageUrl, target, multipart, fields, button, i == 0, signature, shape);
            }
        }
    }

    private static List<FormField> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<FormField>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "image" or "reset" or "file"):
                    if (input.Type == "radio")
                    {
                        var group = form.Elements.OfType<IHtmlInputElement>().Where(r => r.Type == "radio" && r.Name == input.Name).ToList();
                        if (group[0] == input)
                        {
                            var chosen = group.FirstOrDefault(r => r.IsChecked);
                            fields.Add(new FormField(input.Name, chosen?.Value ?? "", "radio", group.Select(r => r.Value).ToList(), chosen is not null));
                        }
                        break;
                    }
                    fields.Add(new FormField(input.Name, input.Value, input.Type, [], input.Type != "checkbox" || input.IsChecked));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new FormField(area.Name, area.Value, "textarea", [], true));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var options = select.Options.Select(o => o.Value).ToList();
                    var selected = select.Options.Where(o => o.IsSelected).Select(o => o.Value).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && options.Count > 0)
                    {
                        selected.Add(options[0]);
                    }
                    fields.AddRange(selected.Select(v => new FormField(select.Name, v, "select", options, true)));
                    if (selected.Count == 0)
                    {
                        fields.Add(new FormField(select.Name, "", "select", options, false));
                    }
                    break;
            }
        }
        return fields;
    }

    private static FormUrlEncodedLikeContent UrlEncoded(IEnumerable<FormPair> pairs) =>
        new(string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Name)}={(p.Encoded ? p.Value : Uri.EscapeDataString(p.Value))}")));

    private static MultipartFormDataContent Multipart(IEnumerable<FormPair> pairs)
    {
        var content = new MultipartFormDataContent();
        foreach (var pair in pairs)
        {
            var bytes = pair.Encoded ? WebUtility.UrlDecodeToBytes(Encoding.ASCII.GetBytes(pair.Value), 0, pair.Value.Length) : Encoding.UTF8.GetBytes(pair.Value);
            content.Add(new ByteArrayContent(bytes), $"\"{pair.Name}\"");
        }
        return content;
    }

    /// <summary>A url-encoded body without a charset in its content type, as browsers send it.</summary>
    private sealed class FormUrlEncodedLikeContent : ByteArrayContent
    {
        public FormUrlEncodedLikeContent(string body)
            : base(Encoding.ASCII.GetBytes(body)) =>
            Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
    }

    /// <summary>The path and query of <paramref name="href"/> on this site, resolved against <paramref name="pageUrl"/>, or null for another site.</summary>
    private static string? Local(string href, string pageUrl)
    {
        var site = new Uri("http://localhost");
        var url = new Uri(new Uri(site, pageUrl), href);
        return url.Scheme == site.Scheme && url.Authority == site.Authority ? url.PathAndQuery : null;
    }

    private static string ShapeOf(string url) => Shape(url.Split('?')[0]);

    private static string Shape(string text) => Digits().Replace(text, "#");

    private static string Excerpt(string html)
    {
        var text = string.Join(' ', new HtmlParser().ParseDocument(html).QuerySelector("main")?.TextContent
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? []);
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"(^|\.)(id|changeSet|.*Id|.*Ids)$")]
    private static partial Regex IdName();

    [GeneratedRegex(@"(Id|Ids|Version|Sort|Order|Year|Month|Position|Index|Page|Shown|Count|Number|Start|End|Date|Move|To)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumericName();

    [GeneratedRegex(@"^\s*-?\d[\d\-./]*\s*$")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"^(?<prefix>.*?)\[(?<index>\d+)\](?<suffix>.*)$")]
    private static partial Regex Indexed();

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingDigits();

    [GeneratedRegex(@"(?<==)(?<value>[^&]*)")]
    private static partial Regex QueryValue();

    [GeneratedRegex("delete|remove|trash|purge|disable|revoke", RegexOptions.IgnoreCase)]
    private static partial Regex Destructive();
}

/// <summary>What SQLite would store but PostgreSQL refuses: text longer than its column.</summary>
public static class ColumnLengths
{
    /// <summary>The problems of a sweep: every stored value longer than its column's maximum length, after <paramref name="variant"/>.</summary>
    public static async Task<IEnumerable<string>> AfterAsync(ProfilesAppFactory factory, string variant) =>
        (await OverlongAsync(factory)).Select(o => $"After {variant}: {o}");

    /// <summary>Every stored value longer than its column's maximum length, as "table.column of row key: length".</summary>
    public static async Task<List<string>> OverlongAsync(ProfilesAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var found = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.BaseType is null))
        {
            var limited = type.GetProperties().Where(p => p.GetMaxLength() is not null && p.ClrType == typeof(string)).ToList();
            if (limited.Count == 0)
            {
                continue;
            }
            var set = (IAsyncEnumerable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            await foreach (var row in set)
            {
                foreach (var property in limited)
                {
                    if (db.Entry(row).Property(property.Name).CurrentValue is string value && value.Length > property.GetMaxLength())
                    {
                        var key = string.Join(',', type.FindPrimaryKey()!.Properties.Select(k => db.Entry(row).Property(k.Name).CurrentValue));
                        found.Add($"{type.GetTableName()}.{property.Name} of row {key}: {value.Length} characters, the column holds {property.GetMaxLength()}: “{value[..40]}…”");
                    }
                }
            }
        }
        return found;
    }
}

/// <summary>
/// The stored rows that belong to one profile: the profile, its items, its papers with their
/// authors and links, its projects with theirs, its revisions and its owner's account.
/// </summary>
public sealed partial class ProfileRows
{
    private readonly int _researcherId;
    private readonly string? _ownerId;
    private readonly HashSet<int> _publications;
    private readonly HashSet<int> _projects;

    private ProfileRows(int researcherId, string? ownerId, HashSet<int> publications, HashSet<int> projects)
    {
        _researcherId = researcherId;
        _ownerId = ownerId;
        _publications = publications;
        _projects = projects;
    }

    /// <summary>The rows of profile <paramref name="researcherId"/>, with the papers and projects it has now.</summary>
    public static Task<ProfileRows> OfAsync(ProfilesAppFactory factory, int researcherId) =>
        factory.ReadAsync(async db => new ProfileRows(
            researcherId,
            await db.Researchers.Where(r => r.Id == researcherId).Select(r => r.OwnerId).SingleAsync(),
            [.. await db.ProfilePublications.Where(p => p.ResearcherId == researcherId).Select(p => p.PublicationId).ToListAsync()],
            [.. await db.Projects.Where(p => p.ResearcherId == researcherId).Select(p => p.Id).ToListAsync()]));

    /// <summary>
    /// Every row of the profile, table by table, each as one line of its values. Papers and
    /// projects are those it had when this was created, so that a row added to them from
    /// elsewhere shows too. A co-author's suggestions are left out: naming the researcher on a paper
    /// of their own creates one for the researcher to accept or ignore, as designed.
    /// </summary>
    public async Task<SortedDictionary<string, List<(string Key, string Line)>>> ReadAsync(ProfilesAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tables = new SortedDictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.BaseType is null))
        {
            var set = (IAsyncEnumerable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            var key = type.FindPrimaryKey()?.Properties;
            var rows = new List<(string, string)>();
            await foreach (var row in set)
            {
                var values = type.GetProperties().ToDictionary(p => p.Name, p => db.Entry(row).Property(p.Name).CurrentValue, StringComparer.Ordinal);
                if (Belongs(type.ClrType, values))
                {
                    rows.Add((key is null ? "" : string.Join(',', key.Select(p => Text(values[p.Name]))),
                        string.Join(" | ", values.Select(v => $"{v.Key}={Text(v.Value)}"))));
                }
            }
            tables[type.GetTableName() ?? type.ShortName()] = [.. rows.OrderBy(r => r.Item1.Length).ThenBy(r => r.Item1, StringComparer.Ordinal)];
        }
        return tables;
    }

    /// <summary>The rows as one text, for comparing before and after.</summary>
    public async Task<string> SnapshotAsync(ProfilesAppFactory factory) =>
        string.Join('\n', (await ReadAsync(factory)).SelectMany(t => t.Value.Select(r => $"{t.Key}: {r.Line}")));

    /// <summary>
    /// For two profiles built alike, each key of a row of this one mapped to the key of the other's
    /// row in the same place (and the profile's id, its owner's and its revisions' change sets):
    /// what a form of this profile would post to reach the other's matching row.
    /// </summary>
    public async Task<Dictionary<string, IReadOnlySet<string>>> TwinsAsync(ProfilesAppFactory factory, ProfileRows other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = await ReadAsync(factory);
        var theirs = await other.ReadAsync(factory);
        var twins = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string from, string to)
        {
            if (from.Length > 0 && from != to && !from.Contains(',', StringComparison.Ordinal))
            {
                (twins.TryGetValue(from, out var set) ? set : twins[from] = new HashSet<string>(StringComparer.Ordinal)).Add(to);
            }
        }
        foreach (var (table, rows) in mine)
        {
            foreach (var (row, twin) in rows.Zip(theirs[table]))
            {
                Add(row.Key, twin.Key);
                foreach (var (a, b) in ChangeSet().Matches(row.Line).Select(m => m.Groups[1].Value).Zip(ChangeSet().Matches(twin.Line).Select(m => m.Groups[1].Value)))
                {
                    Add(a, b);
                }
            }
        }
        return twins.ToDictionary(t => t.Key, t => (IReadOnlySet<string>)t.Value, StringComparer.Ordinal);
    }

    private bool Belongs(Type type, Dictionary<string, object?> row)
    {
        if (type == typeof(Researcher))
        {
            return Equals(row["Id"], _researcherId);
        }
        if (type == typeof(AppUser))
        {
            return Equals(row["Id"], _ownerId);
        }
        if (type == typeof(PublicationSuggestion) && row["SuggestedByResearcherId"] is not null)
        {
            return false;
        }
        if (type == typeof(Publication))
        {
            return _publications.Contains((int)row["Id"]!);
        }
        // An author row names a researcher on a paper of someone else's: it belongs to that paper.
        return (type != typeof(PublicationAuthor) && row.TryGetValue("ResearcherId", out var researcher) && Equals(researcher, _researcherId))
            || (row.TryGetValue("PublicationId", out var publication) && publication is int p && _publications.Contains(p))
            || (row.TryGetValue("ProjectId", out var project) && project is int j && _projects.Contains(j))
            || (_ownerId is not null && row.TryGetValue("UserId", out var user) && Equals(user, _ownerId) && type != typeof(ProfileRevision));
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTime d => new DateTime(d.Ticks - (d.Ticks % 10), DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset o => new DateTimeOffset(o.Ticks - (o.Ticks % 10), o.Offset).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        string s => s,
        byte[] bytes => Convert.ToHexString(bytes),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Text)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"ChangeSet=([0-9a-f-]{36})")]
    private static partial Regex ChangeSet();
}
