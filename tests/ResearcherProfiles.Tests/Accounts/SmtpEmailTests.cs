using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Email;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

public sealed class SmtpEmailTests(SmtpEmailTests.SmtpConfiguredFactory factory) : IClassFixture<SmtpEmailTests.SmtpConfiguredFactory>
{
    public sealed class SmtpConfiguredFactory : ProfilesAppFactory
    {
        public FakeSmtpServer Smtp { get; } = new();

        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:EnableSsl"] = "false",
            ["Email:Smtp:From"] = "profiles@example.org",
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Smtp.Dispose();
        }
    }

    [Fact]
    public void With_an_smtp_host_configured_mail_goes_through_smtp()
    {
        Assert.IsType<SmtpEmailSender>(factory.Services.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public async Task A_reset_link_is_delivered_by_smtp_and_not_written_to_the_pickup_folder()
    {
        var email = AccountPages.NewEmail("smtp");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);

        using var response = await factory.CreateVisitor().SubmitForgotPasswordAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (recipient, data) = Assert.Single(factory.Smtp.Messages, m => m.Recipient == email);
        Assert.Contains("From: profiles@example.org", data, StringComparison.Ordinal);
        Assert.Contains("/account/reset-password?email=", Body(data), StringComparison.Ordinal);
        Assert.Empty(factory.MailTo(email));
    }

    /// <summary>The text of a single-part message, decoded from base64 when it was sent so.</summary>
    private static string Body(string data)
    {
        var parts = data.Split("\r\n\r\n", 2);
        Assert.Equal(2, parts.Length);
        return parts[0].Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(parts[1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))))
            : parts[1];
    }
}
