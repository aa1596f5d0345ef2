using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.Users.Domain;

namespace ProductStore.Users.Apis;

public sealed record UserResponse(Guid Id, string Email, string DisplayName, string Role, DateTimeOffset CreatedAt)
{
    public static UserResponse From(User user) => new(user.Id, user.Email, user.DisplayName, user.Role, user.CreatedAt);
}

/// <summary>Tokens of a login or a refresh; a login also hands out a device token (see DeviceTokens) to send with later logins.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, string? DeviceToken = null);

public sealed record RegisterRequest(
    [property: StringLength(RegisterRequest.MaxEmail, MinimumLength = 1)] string? Email,
    [property: StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength)] string? Password,
    [property: StringLength(RegisterRequest.MaxDisplayName, MinimumLength = 1), RegularExpression(PlainText.Pattern)] string? DisplayName) : IValidatable
{
    public const int MaxEmail = 254;
    public const int MaxDisplayName = 100;

    public void Validate(ValidationErrors errors)
    {
        errors.When(!IsEmail(Email), "email", "A valid email address is required.");
        if (PasswordPolicy.Check(Password, Email) is { } problem) errors.Add("password", problem);
        errors.When(string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > MaxDisplayName, "displayName", "A display name of 1 to 100 characters is required.");
        errors.WhenNotPlain(DisplayName, "displayName");
    }

    private static bool IsEmail(string? email) =>
        email is { Length: > 0 and <= MaxEmail } && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim();

    /// <summary>The new customer, its password hashed by <paramref name="hash"/>; call after <see cref="Validate"/> passed.</summary>
    public User ToCustomer(Func<string, string> hash, DateTimeOffset now) => User.Create(Email!, DisplayName!, Roles.Customer, hash(Password!), now);
}

/// <summary>The body of a login; <paramref name="DeviceToken"/> is the one an earlier login from this device handed out, if any.</summary>
public sealed record LoginRequest(
    [property: MinLength(1)] string? Email,
    [property: StringLength(PasswordPolicy.MaxLength, MinimumLength = 1)] string? Password,
    [property: MaxLength(LoginRequest.MaxDeviceToken)] string? DeviceToken = null) : IValidatable
{
    public const int MaxDeviceToken = 2000;

    public void Validate(ValidationErrors errors)
    {
        errors.When(DeviceToken?.Length > MaxDeviceToken, "deviceToken", "The device token is not one this service issued.");
        errors.When(string.IsNullOrWhiteSpace(Email), "email", "The email is required.");
        errors.When(string.IsNullOrEmpty(Password), "password", "The password is required.");
        errors.When(Password?.Length > PasswordPolicy.MaxLength, "password", $"The password must have at most {PasswordPolicy.MaxLength} characters.");
    }

    /// <summary>The credentials; call after <see cref="Validate"/> passed.</summary>
    public LoginCredentials ToCredentials() => new(Email!, Password!, DeviceToken);
}

public sealed record ChangePasswordRequest(
    [property: StringLength(PasswordPolicy.MaxLength, MinimumLength = 1)] string? CurrentPassword,
    [property: StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength)] string? NewPassword) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.When(string.IsNullOrEmpty(CurrentPassword) || CurrentPassword.Length > PasswordPolicy.MaxLength, "currentPassword", "The current password is required.");
        // The policy's email rule is checked by the endpoint, which knows the account.
        if (PasswordPolicy.Check(NewPassword, null) is { } problem) errors.Add("newPassword", problem);
    }

    /// <summary>The current and the new password; call after <see cref="Validate"/> passed.</summary>
    public (string Current, string New) ToPasswords() => (CurrentPassword!, NewPassword!);
}

public sealed record RefreshRequest([property: StringLength(RefreshRequest.MaxRefreshToken, MinimumLength = 1)] string? RefreshToken) : IValidatable
{
    public const int MaxRefreshToken = 200;

    public void Validate(ValidationErrors errors) =>
        errors.When(string.IsNullOrWhiteSpace(RefreshToken) || RefreshToken.Length > MaxRefreshToken, "refreshToken", "The refresh token is required.");

    /// <summary>The token; call after <see cref="Validate"/> passed.</summary>
    public string ToRefreshToken() => RefreshToken!;
}

public sealed record ChangeRoleRequest([property: RegularExpression("^(customer|admin)$")] string? Role) : IValidatable
{
    public void Validate(ValidationErrors errors) =>
        errors.When(Role is null || !Roles.IsUserRole(Role), "role", $"The role must be '{Roles.Customer}' or '{Roles.Admin}'.");

    /// <summary>The role; call after <see cref="Validate"/> passed.</summary>
    public string ToRole() => Role!;
}
