using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>The author rows of the publication form: the paste box, the rows and their buttons, the drag handles the script adds.</summary>
public sealed class AuthorRowsEditorPage(IPage page) : EditorPage(page)
{
    private ILocator Form => Page.Locator("form.publication-form");

    private ILocator Authors => Form.GetByRole(AriaRole.Group, new() { Name = "Authors, in order" });

    public static async Task<AuthorRowsEditorPage> OpenNewAsync(IPage page, string slug)
    {
        await page.GotoAsync($"/edit/{slug}/publications/new");
        return new AuthorRowsEditorPage(page);
    }

    public ILocator Title => Form.GetByLabel("Title (required)", new() { Exact = true });

    public ILocator PasteBox => Form.GetByLabel("Paste an author list", new() { Exact = true });

    public ILocator FillButton => Form.GetByRole(AriaRole.Button, new() { Name = "Fill the author rows", Exact = true });

    public ILocator FillStatus => Form.Locator("#author-fill-status");

    public ILocator Rows => Authors.Locator("li.author-row");

    public ILocator Name(int index) => Form.GetByLabel($"Name of author {index + 1}", new() { Exact = true });

    public ILocator Button(string name) => Form.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The drag handle editor-authors.js adds to each row.</summary>
    public ILocator Handle(int index) => Button($"Reorder author {index + 1}");

    /// <summary>The names in the rows, in order.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync() =>
        await Rows.Locator("input[name$='.Name']").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");

    public async Task PasteAndFillAsync(string list)
    {
        await PasteBox.FillAsync(list);
        await FillButton.ClickAsync();
    }

    /// <summary>Drags row <paramref name="from"/> by its handle onto row <paramref name="to"/>, with the mouse moving in steps as a hand would.</summary>
    public async Task DragAsync(int from, int to)
    {
        await Rows.Nth(Math.Min(from, to)).EvaluateAsync("row => row.scrollIntoView({ block: 'start' })");
        var source = await Handle(from).BoundingBoxAsync() ?? throw new InvalidOperationException("The handle is not visible.");
        var target = await Rows.Nth(to).BoundingBoxAsync() ?? throw new InvalidOperationException("The row is not visible.");
        await Page.Mouse.MoveAsync(source.X + (source.Width / 2), source.Y + (source.Height / 2));
        await Page.Mouse.DownAsync();
        var y = to < from ? target.Y + 4 : target.Y + target.Height - 4;
        // SortableJS looks where the pointer is every 50 ms: a hand pauses, and so must the test.
        await Page.Mouse.MoveAsync(source.X + (source.Width / 2), source.Y + 10, new() { Steps = 4 });
        await Page.WaitForTimeoutAsync(100);
        await Page.Mouse.MoveAsync(source.X + (source.Width / 2), y, new() { Steps = 20 });
        await Page.WaitForTimeoutAsync(150);
        await Page.Mouse.MoveAsync(source.X + (source.Width / 2), y + (to < from ? -2 : 2), new() { Steps = 4 });
        await Page.WaitForTimeoutAsync(150);
        await Page.Mouse.UpAsync();
    }

    public async Task SaveAsync()
    {
        await Form.GetByRole(AriaRole.Button, new() { Name = "Save publication" }).First.ClickAsync();
        // Back to the list, at the paper just saved (on the list's page that holds it).
        await Page.WaitForURLAsync(SavedPaperUrl());
        await Expect(StatusMessage).ToContainTextAsync(SavedOrAdded());
    }

    private static System.Text.RegularExpressions.Regex SavedPaperUrl() => new(@"/publications(\?p=\d+)?#entry-\d+$");

    private static System.Text.RegularExpressions.Regex SavedOrAdded() => new("^(Saved|Added) ");
}
