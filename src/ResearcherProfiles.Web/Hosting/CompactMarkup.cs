using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ResearcherProfiles.Web.Hosting;

/// <summary>
/// The public views' own markup without its indentation: a line's leading blanks are not sent, and
/// every run of blanks that holds a line break is sent as one line break. A sixth of a profile
/// page's bytes were the indentation that keeps the .cshtml files readable, and every uncached page
/// paid for it twice, in the page and in compressing it. Only the templates' text is changed, never
/// what they insert, and a run with a line break in it is still blank space to the browser, so the
/// page reads and wraps as before. From a &lt;pre&gt; or &lt;textarea&gt; on, whose blanks are
/// content, a text is sent as written.
/// </summary>
/// <remarks>
/// Pages and views descend from RazorPageBase by two branches (Page, RazorPage&lt;T&gt;), hence the
/// two base classes below with the same four overrides; what they do lives in <see cref="Line"/>.
/// </remarks>
public static class CompactMarkup
{
    /// <summary>Views hold a few hundred texts; beyond this many, a text is compacted at each use instead of kept.</summary>
    public const int MaxKept = 8192;

    // By reference: a view's texts are string constants, the same instance at every render.
    private static readonly ConcurrentDictionary<string, Compacted> Kept = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// <paramref name="markup"/> with each blank run that holds a line break reduced to the line
    /// break, and its leading blanks dropped when <paramref name="atLineStart"/> (the page so far ends
    /// with a line break).
    /// </summary>
    public static string Of(string markup, bool atLineStart = false)
    {
        ArgumentNullException.ThrowIfNull(markup);
        if (!Kept.TryGetValue(markup, out var compacted))
        {
            compacted = Compact(markup);
            if (Kept.Count < MaxKept)
            {
                Kept.TryAdd(markup, compacted);
            }
        }
        return atLineStart ? compacted.AtLineStart : compacted.Text;
    }

    private sealed record Compacted(string Text, string AtLineStart);

    private static Compacted Compact(string markup)
    {
        // From the first <pre> or <textarea> on, the text is kept as written.
        var verbatim = Math.Min(FirstIndex(markup, "<pre"), FirstIndex(markup, "<textarea"));
        var text = markup.AsSpan(0, verbatim);
        var builder = new StringBuilder(markup.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsBlank(text[i]))
            {
                builder.Append(text[i++]);
                continue;
            }
            var start = i;
            var lineBreak = false;
            while (i < text.Length && IsBlank(text[i]))
            {
                lineBreak |= text[i] == '\n';
                i++;
            }
            if (lineBreak)
            {
                builder.Append('\n');
            }
            else
            {
                builder.Append(text[start..i]);
            }
        }
        var compact = builder.Equals(text) ? markup : builder.Append(markup.AsSpan(verbatim)).ToString();
        var leading = compact.AsSpan().IndexOfAnyExcept(" \t\r\n");
        return new Compacted(compact, leading switch
        {
            0 => compact,
            < 0 => string.Empty,
            _ => compact[leading..],
        });
    }

    private static int FirstIndex(string markup, string tag) =>
        markup.IndexOf(tag, StringComparison.OrdinalIgnoreCase) is var at and >= 0 ? at : markup.Length;

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>
    /// What the views of one response have written so far, as far as compacting needs it: whether
    /// it ends with a line break. A partial's markup continues its caller's and a section's its
    /// layout's, so the views of a response share one. Anything a view inserts (an expression, a
    /// partial, a tag helper) counts as not ending with one, so the blanks after it are kept, as
    /// they separate it from what follows.
    /// </summary>
    public sealed class Line
    {
        private static readonly object Key = new();
        private bool _atStart;

        /// <summary>The one for <paramref name="context"/>'s response.</summary>
        public static Line Of(HttpContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (context.Items.TryGetValue(Key, out var kept) && kept is Line line)
            {
                return line;
            }
            line = new Line();
            context.Items[Key] = line;
            return line;
        }

        /// <summary>A text of a view's own markup, compacted; what follows it continues from its end.</summary>
        public string? Literal(string? markup)
        {
            if (string.IsNullOrEmpty(markup))
            {
                return markup;
            }
            var compact = CompactMarkup.Of(markup, _atStart);
            if (compact.Length > 0)
            {
                _atStart = compact[^1] == '\n';
            }
            return compact;
        }

        /// <summary>Something a view inserted.</summary>
        public void Inserted() => _atStart = false;
    }
}

/// <summary>A Razor page whose own markup is sent without its indentation (<see cref="CompactMarkup"/>).</summary>
public abstract class CompactPage : Page
{
    private CompactMarkup.Line? _line;

    private CompactMarkup.Line Line => _line ??= CompactMarkup.Line.Of(ViewContext.HttpContext);

    public override void WriteLiteral(string? value) => base.WriteLiteral(Line.Literal(value));

    public override void WriteLiteral(object? value)
    {
        Line.Inserted();
        base.WriteLiteral(value);
    }

    public override void Write(object? value)
    {
        Line.Inserted();
        base.Write(value);
    }

    public override void Write(string? value)
    {
        Line.Inserted();
        base.Write(value);
    }
}

/// <summary>A layout or partial view whose own markup is sent without its indentation (<see cref="CompactMarkup"/>).</summary>
public abstract class CompactView<TModel> : RazorPage<TModel>
{
    private CompactMarkup.Line? _line;

    private CompactMarkup.Line Line => _line ??= CompactMarkup.Line.Of(ViewContext.HttpContext);

    public override void WriteLiteral(string? value) => base.WriteLiteral(Line.Literal(value));

    public override void WriteLiteral(object? value)
    {
        Line.Inserted();
        base.WriteLiteral(value);
    }

    public override void Write(object? value)
    {
        Line.Inserted();
        base.Write(value);
    }

    public override void Write(string? value)
    {
        Line.Inserted();
        base.Write(value);
    }
}
