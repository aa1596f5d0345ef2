namespace ProductStore.Users.Domain;

/// <summary>A validated login: <paramref name="DeviceToken"/> is the one an earlier login from this device handed out, if any.</summary>
public sealed record LoginCredentials(string Email, string Password, string? DeviceToken);
