namespace ProductStore.Users.Domain;

/// <summary>What a password must be: long enough (NIST 800-63B favours length over composition rules) and not the email.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;

    /// <summary>Hashing cost grows with length; a cap stops anyone from making us hash megabytes.</summary>
    public const int MaxLength = 128;

    public static string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength) return $"The password must have at least {MinLength} characters.";
        if (password.Length > MaxLength) return $"The password must have at most {MaxLength} characters.";
        if (!string.IsNullOrWhiteSpace(email))
        {
            var normalized = User.NormalizeEmail(email);
            var localPart = normalized.Split('@')[0];
            var lowered = password.Trim().ToLowerInvariant();
            if (lowered.Contains(normalized) || lowered == localPart) return "The password must not be or contain your email address.";
        }
        return null;
    }
}
