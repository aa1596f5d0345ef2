using Microsoft.AspNetCore.Hosting;
using ProductStore.TestSupport;

namespace ProductStore.Gateway.Tests.Fakes;

/// <summary>
/// The gateway on real Kestrel (client addresses, body limits and forwarded headers are socket-level matters),
/// in front of echo services on real sockets. Rate limits are generous unless a test sets its own.
/// </summary>
public sealed class GatewayFactory : ServiceFactory<Program>
{
    private readonly IReadOnlyDictionary<string, Uri?> _services;
    private readonly Dictionary<string, string?> _settings;

    public GatewayFactory(IReadOnlyDictionary<string, Uri?> services, Dictionary<string, string?>? settings = null)
    {
        _services = services;
        _settings = settings ?? [];
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (name, address) in _services) builder.UseSetting($"services:{name}:http:0", address?.ToString() ?? "");
        builder.UseSetting("Gateway:RateLimits:Default:TokenLimit", "100000");
        builder.UseSetting("Gateway:RateLimits:Default:TokensPerPeriod", "100000");
        builder.UseSetting("Gateway:RateLimits:Auth:TokenLimit", "100000");
        builder.UseSetting("Gateway:RateLimits:Auth:TokensPerPeriod", "100000");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }
}
