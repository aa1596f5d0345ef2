namespace ProductStore.Users.Domain;

public sealed record User(Guid Id, string Email, string DisplayName, string Role, string PasswordHash, DateTimeOffset CreatedAt)
{
    /// <summary>Emails are unique regardless of case and surrounding spaces.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
