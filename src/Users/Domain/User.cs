using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Users.Domain;

public sealed record User(Guid Id, string Email, string DisplayName, string Role, string PasswordHash, DateTimeOffset CreatedAt)
{
    /// <summary>Emails are unique regardless of case and surrounding spaces.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A new account. Its creation time is cut to what storage keeps (milliseconds), so the 201 matches later reads.</summary>
    public static User Create(string email, string displayName, string role, string passwordHash, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), NormalizeEmail(email), displayName.Trim(), role, passwordHash,
            now.ToStoredPrecision());
}
