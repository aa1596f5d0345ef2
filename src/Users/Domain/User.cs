using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Users.Domain;

public sealed record User(Guid Id, string Email, string DisplayName, string Role, string PasswordHash, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// Changes whenever the account's access must be re-established (role change, sessions revoked); tokens carry the one
    /// they were issued under, and stop working once it is replaced. Empty for accounts from before stamps existed.
    /// </summary>
    public string SecurityStamp { get; init; } = "";

    public static string NewSecurityStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

    /// <summary>Emails are unique regardless of case and surrounding spaces.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A new account. Its creation time is cut to what storage keeps (milliseconds), so the 201 matches later reads.</summary>
    public static User Create(string email, string displayName, string role, string passwordHash, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), NormalizeEmail(email), displayName.Trim(), role, passwordHash,
            now.ToStoredPrecision()) { SecurityStamp = NewSecurityStamp() };
}
