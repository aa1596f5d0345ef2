namespace ProductStore.Users;

/// <summary>Users' settings (section <c>Users</c>).</summary>
public sealed class UsersOptions
{
    public const string Section = "Users";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan ServiceTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public PasswordOptions Password { get; set; } = new();

    public AdminOptions Admin { get; set; } = new();

    /// <summary>Client id → secret of each service allowed to get a service token.</summary>
    public Dictionary<string, string> ServiceClients { get; set; } = new(StringComparer.Ordinal);
}

public sealed class PasswordOptions
{
    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; tests lower it.</summary>
    public int Iterations { get; set; } = 600_000;
}

public sealed class AdminOptions
{
    public const string DefaultEmail = "admin@productstore.local";

    public string? Email { get; set; }

    public string? Password { get; set; }
}
