using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// Renders a Markdown field as the public page will, for the editor's live preview: a POST with the
/// form's antiforgery token, the field's name (see <see cref="MarkdownFields"/>) and its text,
/// answered with the HTML fragment. Only someone who may edit the profile gets an answer (the same
/// <see cref="ProfileAccess"/> check as every editor page), and nothing is saved or evicted from
/// the public cache. A text the save would refuse (too long, nested too deep) is answered with the
/// save's reason instead of a preview.
/// </summary>
public class PreviewModel(ProfileAccess access) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public string Html { get; private set; } = string.Empty;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnPostAsync([FromForm] string? field, [FromForm] string? text, CancellationToken ct)
    {
        var (result, _) = await access.CheckAsync(User, Slug, ct);
        switch (result)
        {
            case AccessResult.NotFound:
                return NotFound();
            case AccessResult.Forbidden:
                return Forbid();
        }
        if (field is null || !MarkdownFields.ByName.TryGetValue(field, out var markdownField))
        {
            return NotFound();
        }
        text ??= string.Empty;
        if (text.Length > markdownField.MaxLength)
        {
            Problem = markdownField.TooLongMessage(text.Length);
        }
        else if (new MarkdownTextAttribute().GetValidationResult(text, new ValidationContext(text)) is { ErrorMessage: { } nesting })
        {
            Problem = nesting;
        }
        else
        {
            Html = MarkdownRenderer.ToHtml(text, markdownField.TopHeadingLevel);
        }
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The address is only an endpoint for the preview; opened in the browser it leads to the editor.</summary>
    public IActionResult OnGet() => Redirect(EditorSections.Url(Slug, string.Empty));
}
