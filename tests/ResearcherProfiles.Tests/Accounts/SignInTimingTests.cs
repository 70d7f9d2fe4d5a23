using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Areas.Account.Pages;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

/// <summary>
/// Every failed sign-in costs one password hash, whether the address is unknown, the password is
/// wrong or the account is locked out, so response times do not tell which addresses have accounts.
/// Counting the hash verifications says this without measuring time.
/// </summary>
public sealed class SignInTimingTests(SignInTimingTests.CountingHasherFactory factory) : IClassFixture<SignInTimingTests.CountingHasherFactory>
{
    public sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    public sealed class CountingHasherFactory : ProfilesAppFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
        }
    }

    private async Task<(string Message, int Hashes)> SignInAsync(string email, string password)
    {
        var before = factory.Hasher.Verifications;
        using var response = await factory.CreateVisitor().SubmitLoginAsync(email, password);
        return ((await response.ReadPageAsync()).FormErrors() ?? string.Empty, factory.Hasher.Verifications - before);
    }

    [Fact]
    public async Task A_locked_out_account_costs_a_password_hash_like_a_wrong_password()
    {
        var email = AccountPages.NewEmail("locked-timing");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(email, "a wrong guess of a password");
        }

        var locked = await SignInAsync(email, "another wrong guess entirely");
        var wrong = await SignInAsync(AccountPages.NewEmail("unknown-timing"), "another wrong guess entirely");

        Assert.Equal(LoginModel.LockedOutMessage, locked.Message);
        Assert.Equal(1, locked.Hashes);
        Assert.Equal(1, wrong.Hashes);
    }
}
