using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ResearcherProfiles.Web.Editing;

/// <summary>
/// One labelled form field: &lt;editor-field for="Input.Title" hint="..." type="textarea" /&gt;
/// renders the label, an optional hint, the input and its error message, with the input described
/// by the hint and the error (aria-describedby) and marked invalid when it has an error.
/// </summary>
[HtmlTargetElement("editor-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class EditorFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>text (default), email, tel, url, textarea, checkbox (label after the box), or numeric (a text box with a numeric keyboard).</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 4;

    /// <summary>The choices of a drop-down list: with them the field is a &lt;select&gt;, whatever its type.</summary>
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>The id of a &lt;datalist&gt; with suggestions.</summary>
    [HtmlAttributeName("list")]
    public string? List { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <summary>
    /// The <see cref="MarkdownFields"/> name of a Markdown field: the input then carries
    /// data-markdown-preview, data-markdown-heading (the level its headings start at) and
    /// data-preview-url, and with JavaScript a live preview shows beside it.
    /// </summary>
    [HtmlAttributeName("markdown-preview")]
    public string? MarkdownPreview { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var hintId = $"{id}-hint";
        var errorId = $"{id}-error";
        var invalid = ViewContext.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0;
        var required = For.Metadata.ValidatorMetadata.OfType<RequiredAttribute>().Any();

        var attributes = new Dictionary<string, object?>
        {
            ["aria-describedby"] = Hint is null ? errorId : $"{hintId} {errorId}",
        };
        if (invalid)
        {
            attributes["aria-invalid"] = "true";
        }
        if (required)
        {
            attributes["aria-required"] = "true";
        }
        if (List is not null)
        {
            attributes["list"] = List;
        }
        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        if (MarkdownPreview is not null)
        {
            if (!MarkdownFields.ByName.TryGetValue(MarkdownPreview, out var markdownField))
            {
                throw new InvalidOperationException($"No Markdown field is called “{MarkdownPreview}”.");
            }
            attributes["data-markdown-preview"] = MarkdownPreview;
            attributes["data-markdown-heading"] = markdownField.TopHeadingLevel.ToString(CultureInfo.InvariantCulture);
            attributes["data-preview-url"] = EditorSections.Url(Convert.ToString(ViewContext.RouteData.Values["slug"], CultureInfo.InvariantCulture) ?? string.Empty, "preview");
        }

        TagBuilder input;
        if (Type == "checkbox")
        {
            RenderCheckbox(output, name, errorId, attributes);
            return;
        }
        if (Items is not null)
        {
            input = generator.GenerateSelect(ViewContext, For.ModelExplorer, optionLabel: null, expression: name, selectList: Items, allowMultiple: false, htmlAttributes: attributes);
        }
        else if (Type == "textarea")
        {
            input = generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, Rows, columns: 0, attributes);
        }
        else
        {
            if (Type == "numeric")
            {
                attributes["inputmode"] = "numeric";
            }
            input = generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format: null, attributes);
            input.MergeAttribute("type", Type == "numeric" ? "text" : Type, replaceExisting: true);
            input.TagRenderMode = TagRenderMode.StartTag;
        }

        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, name, labelText: null, htmlAttributes: null);
        if (required)
        {
            label.InnerHtml.AppendHtml("<span class=\"required\"> (required)</span>");
        }
        var error = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, message: null, tag: "span",
            htmlAttributes: new Dictionary<string, object?> { ["id"] = errorId, ["class"] = "field-error" });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field");
        output.Content.AppendHtml(label);
        if (Hint is not null)
        {
            var hint = new TagBuilder("p");
            hint.Attributes["id"] = hintId;
            hint.AddCssClass("hint");
            hint.InnerHtml.Append(Hint);
            output.Content.AppendHtml(hint);
        }
        output.Content.AppendHtml(input);
        output.Content.AppendHtml(error);
    }

    private void RenderCheckbox(TagHelperOutput output, string name, string errorId, Dictionary<string, object?> attributes)
    {
        var box = generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, isChecked: null, attributes);
        box.TagRenderMode = TagRenderMode.SelfClosing;
        var hidden = generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, name);
        hidden.TagRenderMode = TagRenderMode.SelfClosing;
        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, name, labelText: null, htmlAttributes: null);
        var error = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, message: null, tag: "span",
            htmlAttributes: new Dictionary<string, object?> { ["id"] = errorId, ["class"] = "field-error" });
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field field-check");
        output.Content.AppendHtml(box);
        output.Content.AppendHtml(hidden);
        output.Content.AppendHtml(label);
        output.Content.AppendHtml(error);
    }
}
