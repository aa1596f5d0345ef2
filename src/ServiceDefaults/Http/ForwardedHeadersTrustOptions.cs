namespace ProductStore.ServiceDefaults.Http;

/// <summary>Who may tell a process its client's address, scheme and host (X-Forwarded-*), in the process's own section.</summary>
public sealed class ForwardedHeadersTrustOptions
{
    /// <summary>The header carrying <see cref="ProxySecret"/> from one of our proxies to another.</summary>
    public const string ProxySecretHeader = "X-Proxy-Secret";

    public const int MinimumSecretLength = 32;

    /// <summary>Proxies (addresses, or networks as <c>10.0.0.0/8</c>) whose X-Forwarded-* headers are believed.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>
    /// A secret the gateway and the storefront share (at least 32 characters): a request carrying it in
    /// <see cref="ProxySecretHeader"/> comes from one of them, whatever its address (pod addresses change).
    /// </summary>
    public string? ProxySecret { get; set; }
}
