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

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.When(!IsEmail(Email), "email", "A valid email address is required.");
        if (PasswordPolicy.Check(Password, Email) is { } problem) errors.Add("password", problem);
        errors.When(string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > 100, "displayName", "A display name of 1 to 100 characters is required.");
    }

    private static bool IsEmail(string? email) =>
        email is { Length: > 0 and <= 254 } && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim();
}

/// <summary>The body of a login; <paramref name="DeviceToken"/> is the one an earlier login from this device handed out, if any.</summary>
public sealed record LoginRequest(string? Email, string? Password, string? DeviceToken = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.When(DeviceToken?.Length > 2000, "deviceToken", "The device token is not one this service issued.");
        errors.When(string.IsNullOrWhiteSpace(Email), "email", "The email is required.");
        errors.When(string.IsNullOrEmpty(Password), "password", "The password is required.");
        errors.When(Password?.Length > PasswordPolicy.MaxLength, "password", $"The password must have at most {PasswordPolicy.MaxLength} characters.");
    }
}

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.When(string.IsNullOrEmpty(CurrentPassword) || CurrentPassword.Length > PasswordPolicy.MaxLength, "currentPassword", "The current password is required.");
        // The policy's email rule is checked by the endpoint, which knows the account.
        if (PasswordPolicy.Check(NewPassword, null) is { } problem) errors.Add("newPassword", problem);
    }
}

public sealed record RefreshRequest(string? RefreshToken) : IValidatable
{
    public void Validate(ValidationErrors errors) =>
        errors.When(string.IsNullOrWhiteSpace(RefreshToken) || RefreshToken.Length > 200, "refreshToken", "The refresh token is required.");
}

public sealed record ChangeRoleRequest(string? Role) : IValidatable
{
    public void Validate(ValidationErrors errors) =>
        errors.When(Role is null || !Roles.IsUserRole(Role), "role", $"The role must be '{Roles.Customer}' or '{Roles.Admin}'.");
}
