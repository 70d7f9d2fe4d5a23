using Microsoft.AspNetCore.Mvc.Rendering;

namespace ResearcherProfiles.Web.Editing;

/// <summary>
/// Where an editor form's answer opens without JavaScript, so nobody lands at the top of a long page:
/// a refused save at the error summary (or the conflict message), a preview at the preview, a
/// finished action at its status message. Forms name these in their action's fragment; the
/// element there takes the focus (autofocus) when it is shown.
/// </summary>
public static class FormLanding
{
    /// <summary>The error summary (_FormErrors), or the conflict message that stands in its place.</summary>
    public const string Errors = "form-errors";

    /// <summary>The Markdown preview shown after the Preview button.</summary>
    public const string Preview = "preview";

    /// <summary>The status message (_StatusMessage) after an action that redirects.</summary>
    public const string Status = "status";

    /// <summary>
    /// For data-unsaved: "true" on a form shown again after a POST (errors, a conflict, a preview),
    /// whose content was typed, not saved, so leaving the page asks first even before anything
    /// else is typed; "false" on a form as loaded.
    /// </summary>
    public static string Unsaved(ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HttpMethods.IsPost(context.HttpContext.Request.Method) ? "true" : "false";
    }
}
