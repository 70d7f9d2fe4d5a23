using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>
/// An ordered list in the editor (a section such as awards, or the publications): its items, their
/// buttons, the drag handles the script adds and what it announces.
/// </summary>
public sealed class ListEditorPage(IPage page) : EditorPage(page)
{
    public static async Task<ListEditorPage> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        return new ListEditorPage(page);
    }

    public ILocator Items => Page.Locator("#list-region ol > li");

    public ILocator Item(string title) => Page.Locator($"#list-region ol > li[data-title='{title}']");

    /// <summary>A button of one item, by its visible label ("Move up", "Hide"), plain words only; its full name also names the item.</summary>
    public ILocator Button(string title, string label) =>
        Item(title).Locator("button").Filter(new() { HasTextRegex = new Regex($"^{label}:") });

    public ILocator Handle(string title) => Item(title).GetByRole(AriaRole.Button, new() { Name = $"Reorder: {title}", Exact = true });

    public ILocator Handles => Page.Locator("#list-region .drag-handle");

    /// <summary>What the editor last said to screen-reader users.</summary>
    public ILocator Announcement => Page.Locator("#editor-announcer");

    public ILocator UndoButton => Page.GetByRole(AriaRole.Button, new() { Name = "Undo the deletion", Exact = true });

    public Task<string[]> TitlesAsync() => Items.EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.title)");

    /// <summary>Marks the loaded document: the mark survives in-place updates and is gone after any page load.</summary>
    public Task SetMarkerAsync() => Page.EvaluateAsync("() => { window.__marker = 'still here'; }");

    public Task<bool> HasMarkerAsync() => Page.EvaluateAsync<bool>("() => window.__marker === 'still here'");

    /// <summary>Drags an item by its handle with the mouse and drops it over the top half of <paramref name="ontoTitle"/>.</summary>
    public async Task DragAsync(string title, string ontoTitle)
    {
        var from = await Handle(title).BoundingBoxAsync() ?? throw new InvalidOperationException($"No handle for {title}.");
        var onto = await Item(ontoTitle).BoundingBoxAsync() ?? throw new InvalidOperationException($"No item {ontoTitle}.");
        await Page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2 - 4, new() { Steps = 4 });
        await Page.Mouse.MoveAsync(onto.X + from.Width / 2, onto.Y + onto.Height / 4, new() { Steps = 20 });
        // SortableJS ignores the pointer over items still sliding into place: let them settle, then move once more.
        await Page.WaitForTimeoutAsync(300);
        await Page.Mouse.MoveAsync(onto.X + from.Width / 2, onto.Y + 4, new() { Steps = 5 });
        await Page.WaitForTimeoutAsync(300);
        await Page.Mouse.MoveAsync(onto.X + from.Width / 2, onto.Y + 2);
        await Page.Mouse.UpAsync();
    }
}
