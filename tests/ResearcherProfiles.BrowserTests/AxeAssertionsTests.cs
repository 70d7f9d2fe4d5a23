using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests;

/// <summary>The accessibility check every browser suite relies on still finds what it must.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeAssertionsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_check_reports_each_violation_with_its_rule_and_element()
    {
        await using var context = await fixture.NewContextAsync(ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/people");
        // Two faults of the kind a change to a view could bring in: an image without a text
        // alternative and a field without a label.
        await page.EvaluateAsync("""
            () => {
                const main = document.querySelector('main');
                const image = document.createElement('img');
                image.src = '/favicon.ico';
                image.id = 'unlabelled-image';
                const field = document.createElement('input');
                field.id = 'unlabelled-field';
                main.append(image, field);
            }
            """);

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(() => page.AssertNoAxeViolationsAsync("a page with two faults"));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#unlabelled-image", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- label ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#unlabelled-field", failure.Message, StringComparison.Ordinal);
    }
}
