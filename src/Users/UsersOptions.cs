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

    public SigningKeyOptions SigningKey { get; set; } = new();

    public LoginThrottleOptions LoginThrottle { get; set; } = new();

    /// <summary>
    /// The shop's public address (https://shop.example): what the discovery document names to callers that came through
    /// the gateway. Callers inside the deployment asking Users directly get its own address, which they can reach.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Proxies (the gateway's addresses, or networks as 10.0.0.0/8) whose X-Forwarded-Proto/Host Users believes.</summary>
    public string[] KnownProxies { get; set; } = [];

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

public sealed class SigningKeyOptions
{
    public const int MinimumSecretLength = 32;

    /// <summary>The deployment's secret that seals the private signing keys at rest (at least 32 characters; the same on every replica).</summary>
    public string? EncryptionSecret { get; set; }

    /// <summary>Where Data Protection keeps its key ring when no secret is given; never the data folder. Default ~/.aspnet/DataProtection-Keys/productstore-users.</summary>
    public string? KeyRingDirectory { get; set; }

    /// <summary>How long a rotated key is published before it signs, so every replica and service knows it first.</summary>
    public TimeSpan ActivationDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often each replica reloads the keys, to pick up a rotation another replica made.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(20);

    public string KeyRingDirectoryOrDefault() => KeyRingDirectory is { Length: > 0 } configured ? configured
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aspnet", "DataProtection-Keys", "productstore-users");
}

/// <summary>
/// Per-account defence against password guessing, on top of the gateway's per-address limit: after <see cref="FreeFailures"/>
/// failures in a row, each further attempt waits a delay that doubles from <see cref="FirstDelay"/> up to <see cref="MaxDelay"/>.
/// A device that logged in to the account before (its device token) is never held up, so an attacker cannot lock the owner out.
/// </summary>
public sealed class LoginThrottleOptions
{
    public int FreeFailures { get; set; } = 5;
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan DeviceTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the account waits after its <paramref name="failures"/>-th failure in a row.</summary>
    public TimeSpan DelayAfter(int failures) => failures < FreeFailures ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks * (1L << Math.Min(failures - FreeFailures, 40))));
}
