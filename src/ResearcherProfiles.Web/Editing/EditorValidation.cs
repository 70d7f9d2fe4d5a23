using System.Globalization;
using System.Reflection;
using System.ComponentModel.DataAnnotations;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Web.Editing;

/// <summary>An absolute http or https URL; empty passes (combine with Required).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public HttpUrlAttribute()
        : base("{0} must be a web address starting with http:// or https://.")
    {
    }

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || SafeUrl.IsHttpUrl(text.Trim());
}

/// <summary>
/// A date as <see cref="PartialDate.TryParse"/> reads it; empty passes. With <see cref="OpenEnd"/>
/// the words "present", "now" and "current" pass too and are saved as an open end.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PartialDateTextAttribute : ValidationAttribute
{
    public const string Message = "Enter a date such as 2016, Sep 2016 or 2016-09.";

    public PartialDateTextAttribute()
        : base(Message)
    {
    }

    /// <summary>True for an end date that may be open ("present").</summary>
    public bool OpenEnd { get; set; }

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || PartialDate.TryParse(text, out _)
        || (OpenEnd && FormText.IsOpenEnd(text));

    public override string FormatErrorMessage(string name) =>
        OpenEnd ? "Enter a date such as 2016, Sep 2016 or 2016-09, or leave it empty (or “present”) if it goes on." : ErrorMessageString;
}

/// <summary>
/// Text the site renders as Markdown (<see cref="MarkdownRenderer"/>): quotes and lists may nest at
/// most <see cref="MarkdownRenderer.MaxNestingDepth"/> levels, so every saved text renders. Put it
/// on every such field.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MarkdownTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string text)
        {
            return ValidationResult.Success;
        }
        // A text over the field's length is refused for that alone; parsing it first would only
        // let a long text cost the time its Markdown takes.
        if (validationContext.MemberName is { } name
            && validationContext.ObjectType.GetProperty(name)?.GetCustomAttribute<StringLengthAttribute>() is { } length
            && text.Length > length.MaximumLength)
        {
            return ValidationResult.Success;
        }
        var members = validationContext.MemberName is { } member ? new[] { member } : null;
        if (MarkdownRenderer.BracketsNestTooDeep(text))
        {
            return new ValidationResult(
                $"This text opens more than {MarkdownRenderer.MaxBracketDepth} square brackets “[” before closing them, which cannot be shown as Markdown; remove some of the repeated brackets, or write “\\[” for a bracket that is not a link.",
                members);
        }
        if (MarkdownRenderer.InlineMarks(text) is var marks && marks > MarkdownRenderer.MaxInlineMarks)
        {
            return new ValidationResult(
                $"This text has {marks.ToString("N0", CultureInfo.InvariantCulture)} emphasis and link marks (* _ ~ ^ == ++ and “](”) outside code; at most {MarkdownRenderer.MaxInlineMarks.ToString("N0", CultureInfo.InvariantCulture)} can be shown as Markdown. Put a long listing in a code block (between two lines of ```), or write a backslash before a mark that is only a character (\\*).",
                members);
        }
        var depth = MarkdownRenderer.NestingDepth(text);
        if (depth > MarkdownRenderer.MaxNestingDepth || depth is null)
        {
            var levels = depth is int n ? $"{n} levels" : "more than 100 levels";
            return new ValidationResult(
                $"This text nests quotes or lists {levels} deep; at most {MarkdownRenderer.MaxNestingDepth} levels are allowed.", members);
        }
        return MarkdownRenderer.Renders(text)
            ? ValidationResult.Success
            : new ValidationResult(
                "This text nests links, images or emphasis too deeply to be shown as Markdown (for example “![” or “[” repeated many times); remove some of the repeated brackets or marks.",
                members);
    }
}

/// <summary>
/// An email address without spaces or invisible characters (direction overrides, zero-width
/// characters, byte-order marks), which make an address look like another or unlike itself; empty
/// passes (combine with Required and EmailAddress). Letters of every script pass: "josé@example.org"
/// is an address, and account names take any character (AccountsExtensions).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class VisibleEmailAttribute : ValidationAttribute
{
    public VisibleEmailAttribute() : base("The email address has a space or an invisible character in it: type it again.")
    {
    }

    public override bool IsValid(object? value) =>
        value is not string text || text.Trim().All(c => !char.IsWhiteSpace(c)
            && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned));
}

/// <summary>Conversions between form text and entity values.</summary>
public static class FormText
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Multi-line text with Windows or old Mac line breaks normalised; null when blank.</summary>
    public static string? CleanMultiline(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.ReplaceLineEndings("\n").Trim();

    public static PartialDate? Date(string? text) => PartialDate.TryParse(text, out var date) ? date : null;

    /// <summary>The words for an end that has not come yet: "present", "now", "current" (any case).</summary>
    public static bool IsOpenEnd(string? text) =>
        text?.Trim().TrimEnd('.') is { } word
        && (word.Equals("present", StringComparison.OrdinalIgnoreCase)
            || word.Equals("now", StringComparison.OrdinalIgnoreCase)
            || word.Equals("current", StringComparison.OrdinalIgnoreCase));

    public static string? Date(PartialDate? date) => date?.ToIsoString();

    /// <summary>Entries one per line, or also comma-separated when <paramref name="commas"/> is set; blanks and repeats dropped.</summary>
    public static List<string> Lines(string? text, bool commas = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        char[] separators = commas ? ['\n', '\r', ','] : ['\n', '\r'];
        return text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public static string Lines(IEnumerable<string> entries) => string.Join('\n', entries);
}
