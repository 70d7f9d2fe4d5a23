using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Pages;

namespace ResearcherProfiles.Web.Editing;

/// <summary>One link row of a form that has several (a publication's, a project's): a kind, an optional label, the address.</summary>
public sealed class LinkRowInput<TKind>
    where TKind : struct, Enum
{
    public TKind Kind { get; set; }

    [StringLength(LinkRows.MaxLabelLength, ErrorMessage = "A link's label is at most {1} characters.")]
    public string? Label { get; set; }

    [Display(Name = "URL")]
    [StringLength(LinkRows.MaxUrlLength, ErrorMessage = "A web address is at most {1} characters.")]
    public string? Url { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Url);
}

/// <summary>
/// The one link-rows editor: its checks, its row buttons ("add-link", "link-remove-2") and what it
/// saves, for every form with link rows; the rows are rendered by <c>_LinkRows.cshtml</c>.
/// </summary>
public static class LinkRows
{
    public const int MaxRows = 50;
    public const int MaxLabelLength = 100;
    public const int MaxUrlLength = 2048;
    public const string RowName = "link";
    public const string UrlMessage = "Enter a web address starting with http:// or https://.";

    /// <summary>A label alone is not a link: the address is what a visitor follows.</summary>
    public const string LabelWithoutUrlMessage = "Enter the link's web address, or clear its label.";

    /// <param name="prefix">The rows' name in the form: "Input.Links".</param>
    /// <param name="owner">What has the links, for the message about too many: "A publication".</param>
    public static void Validate<TKind>(ModelStateDictionary modelState, string prefix, IReadOnlyList<LinkRowInput<TKind>> links, string owner)
        where TKind : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(links);
        if (links.Count(l => !l.IsBlank) > MaxRows)
        {
            modelState.AddModelError(prefix, $"{owner} has at most {MaxRows} links.");
        }
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.IsBlank)
            {
                continue;
            }
            var key = string.Create(CultureInfo.InvariantCulture, $"{prefix}[{i}].{nameof(LinkRowInput<TKind>.Url)}");
            if (string.IsNullOrWhiteSpace(link.Url))
            {
                modelState.AddModelError(key, LabelWithoutUrlMessage);
            }
            else if (!SafeUrl.IsHttpUrl(link.Url.Trim()))
            {
                modelState.AddModelError(key, UrlMessage);
            }
        }
    }

    /// <summary>The rows to save, in order: blank rows dropped, text trimmed. Call after <see cref="Validate"/> passed.</summary>
    public static List<LinkRowInput<TKind>> ToSave<TKind>(IEnumerable<LinkRowInput<TKind>> links)
        where TKind : struct, Enum =>
        links.Where(l => !l.IsBlank)
            .Select(l => new LinkRowInput<TKind> { Kind = l.Kind, Label = FormText.Clean(l.Label), Url = l.Url!.Trim() })
            .ToList();

    public static List<LinkRowInput<TKind>> Blank<TKind>(int count)
        where TKind : struct, Enum =>
        Enumerable.Range(0, count).Select(_ => new LinkRowInput<TKind>()).ToList();

    /// <summary>The links in words, so that a stale save can say they changed.</summary>
    public static string Summary<TKind>(IEnumerable<LinkRowInput<TKind>> links, Func<TKind, string> kindText)
        where TKind : struct, Enum =>
        string.Join("; ", links.Where(l => !l.IsBlank).Select(l => $"{kindText(l.Kind)} {l.Label?.Trim()} {l.Url?.Trim()}"));

    public static IReadOnlyList<SelectListItem> KindChoices<TKind>(Func<TKind, string> kindText)
        where TKind : struct, Enum =>
        Enum.GetValues<TKind>().Select(k => new SelectListItem(kindText(k), k.ToString())).ToList();
}

/// <summary>
/// The row buttons of a form's lists (author rows, link rows): "add-author" adds a row, "author-up-2",
/// "author-down-2" and "author-remove-2" act on the row at index 2. The form comes back with the change
/// applied, unsaved; each button's formaction names the control to land at.
/// </summary>
public static class RowCommands
{
    /// <returns>False when <paramref name="command"/> is not one of <paramref name="rowName"/>'s buttons.</returns>
    public static bool Apply<T>(List<T> rows, string? command, string rowName, int maxRows, Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(create);
        if (string.IsNullOrEmpty(command))
        {
            return false;
        }
        if (command == $"add-{rowName}")
        {
            if (rows.Count < maxRows)
            {
                rows.Add(create());
            }
            return true;
        }
        if (!command.StartsWith(rowName + "-", StringComparison.Ordinal))
        {
            return false;
        }
        var dash = command.LastIndexOf('-');
        var action = command[(rowName.Length + 1)..Math.Max(rowName.Length + 1, dash)];
        if (action is not ("up" or "down" or "remove"))
        {
            return false;
        }
        // A row that is not there (the form was older than the list) moves nothing.
        if (int.TryParse(command.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < rows.Count)
        {
            switch (action)
            {
                case "up" when index > 0:
                    (rows[index - 1], rows[index]) = (rows[index], rows[index - 1]);
                    break;
                case "down" when index < rows.Count - 1:
                    (rows[index + 1], rows[index]) = (rows[index], rows[index + 1]);
                    break;
                case "remove":
                    rows.RemoveAt(index);
                    break;
            }
        }
        return true;
    }

    /// <summary>
    /// Where a row button posts: the page's own address with its query (less any handler, plus
    /// <paramref name="handler"/>), and the fragment of the row, so the form comes back scrolled to it.
    /// </summary>
    public static string ActionUrl(HttpRequest request, string fragment, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryBuilder(request.Query
            .Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))));
        if (handler is not null)
        {
            query.Add("handler", handler);
        }
        return $"{request.PathBase}{request.Path}{query.ToQueryString()}#{fragment}";
    }
}

/// <summary>What <c>_LinkRows.cshtml</c> renders: the rows as typed, their kinds, and where the row buttons post.</summary>
public sealed record LinkRowsView(
    string Hint,
    IReadOnlyList<(string Kind, string? Label, string? Url)> Rows,
    IReadOnlyList<SelectListItem> Kinds,
    Func<string, string> ActionFor)
{
    public const string Prefix = "Input.Links";

    public static LinkRowsView For<TKind>(string hint, IEnumerable<LinkRowInput<TKind>> rows, IReadOnlyList<SelectListItem> kinds, Func<string, string> actionFor)
        where TKind : struct, Enum =>
        new(hint, rows.Select(r => (r.Kind.ToString(), r.Label, r.Url)).ToList(), kinds, actionFor);
}
