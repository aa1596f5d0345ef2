using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.Storage;
using ProductStore.Users.Storage;

namespace ProductStore.Users.Domain;

/// <summary>
/// The first admin: from Users:Admin:Email/Password when configured; otherwise admin@productstore.local with a
/// random password written once to the log. Runs at every start and does nothing once any admin exists.
/// </summary>
public sealed partial class AdminBootstrap(
    IUserStore users, PasswordHasher hasher, IOptionsMonitor<UsersOptions> options, TimeProvider time, ILogger<AdminBootstrap> logger)
    : IStorageInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (await users.AnyInRoleAsync(Roles.Admin, cancellationToken)) return;
        var configured = options.CurrentValue.Admin;
        var email = User.NormalizeEmail(configured.Email is { Length: > 0 } e ? e : AdminOptions.DefaultEmail);

        var generated = configured.Password is not { Length: > 0 };
        var password = generated ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)) : configured.Password!;
        if (!generated && PasswordPolicy.Check(password, email) is { } problem)
            throw new InvalidOperationException($"Users:Admin:Password is not acceptable: {problem}");

        var admin = User.Create(email, "Administrator", Roles.Admin, hasher.Hash(password), time.GetUtcNow());
        if (!await users.TryAddAsync(admin, cancellationToken))
        {
            // Someone registered that email as a customer before any admin existed: promoting them would hand admin to a stranger.
            LogEmailTaken(logger, email);
            return;
        }
        if (generated) LogGeneratedAdmin(logger, email, password);
        else LogConfiguredAdmin(logger, email);
    }

    [LoggerMessage(LogLevel.Warning, "Created the first admin {Email} with the password {Password}. It is shown only this once: change the role of a real account and keep this one safe.")]
    private static partial void LogGeneratedAdmin(ILogger logger, string email, string password);

    [LoggerMessage(LogLevel.Error, "No admin exists and {Email} belongs to a customer account; configure Users:Admin:Email with a free email.")]
    private static partial void LogEmailTaken(ILogger logger, string email);

    [LoggerMessage(LogLevel.Information, "Created the configured admin {Email}.")]
    private static partial void LogConfiguredAdmin(ILogger logger, string email);
}
