namespace ResearcherProfiles.Web.Email;

/// <summary>Sends the site's few emails (password resets, invitations) as plain text.</summary>
public interface IEmailSender
{
    Task SendAsync(string recipient, string subject, string textBody, CancellationToken ct = default);
}

/// <summary>
/// Used when no SMTP server is configured: each message is written as a .eml file to the
/// "mail" folder under the data folder and to the log, so a self-hoster can still follow the link.
/// </summary>
public sealed class PickupFolderEmailSender(IConfiguration configuration, IHostEnvironment environment, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(string recipient, string subject, string textBody, CancellationToken ct = default)
    {
        var folder = Path.Combine(Startup.ProfileDataExtensions.DataDirectory(configuration, environment), "mail");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        var message = $"To: {recipient}\r\nSubject: {subject}\r\nDate: {DateTimeOffset.UtcNow:R}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{textBody}\r\n";
        await File.WriteAllTextAsync(file, message, ct);
        logger.LogWarning("No SMTP server is configured; email to {To} ({Subject}) written to {File}:\n{Body}", recipient, subject, file, textBody);
    }
}
