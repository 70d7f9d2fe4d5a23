namespace ResearcherProfiles.Web.Pages;

/// <summary>
/// The line that reports the result of the last action (_StatusMessage.cshtml), the same on every
/// page: editor, admin and account.
/// </summary>
/// <param name="Message">The result in words; nothing is shown when it is empty.</param>
/// <param name="HistoryUrl">Where "Open History" leads, after a change History can undo (a deletion); null for no link.</param>
public sealed record StatusView(string? Message, string? HistoryUrl = null);
