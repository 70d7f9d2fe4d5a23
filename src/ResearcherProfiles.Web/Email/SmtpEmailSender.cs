using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace ResearcherProfiles.Web.Email;

/// <summary>Settings section "Email:Smtp"; the SMTP sender is used only when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>STARTTLS; on by default because the messages carry password-reset links.</summary>
    public bool EnableSsl { get; set; } = true;

    /// <summary>The sender address, e.g. "Researcher Profiles &lt;profiles@example.org&gt;".</summary>
    public string? From { get; set; }
}

/// <summary>Sends through the SMTP server in <see cref="SmtpOptions"/>, one connection per message (there are few).</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(string recipient, string subject, string textBody, CancellationToken ct = default)
    {
        var settings = options.Value;
        using var message = new MailMessage(new MailAddress(settings.From!), new MailAddress(recipient))
        {
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = textBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = settings.EnableSsl,
        };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }
        await client.SendMailAsync(message, ct);
        logger.LogInformation("Email to {To} ({Subject}) sent through {Host}.", recipient, subject, settings.Host);
    }
}
