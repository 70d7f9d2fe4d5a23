using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ResearcherProfiles.Web.Editing;

public static class DateRules
{
    public const string EndBeforeStartMessage = "The end cannot be before the start.";

    /// <summary>Adds an error to <paramref name="endKey"/> when both dates parse and the end comes first.</summary>
    /// <remarks>Dates of different precision compare by what they share: "2020" does not end before "2020-05".</remarks>
    public static void EndNotBeforeStart(ModelStateDictionary modelState, string? start, string? end, string endKey)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (FormText.Date(start) is not { } from || FormText.Date(end) is not { } to)
        {
            return;
        }
        var endsBefore = to.Year != from.Year ? to.Year < from.Year
            : to.Month is null || from.Month is null ? false
            : to.Month != from.Month ? to.Month < from.Month
            : to.Day is not null && from.Day is not null && to.Day < from.Day;
        if (endsBefore)
        {
            modelState.AddModelError(endKey, EndBeforeStartMessage);
        }
    }
}
