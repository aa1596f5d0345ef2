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
        UseKestrel();
    }

    /// <summary>The public listener's port.</summary>
    public int PublicPort { get; } = FreePort.Next();

    /// <summary>The management listener's port (Gateway:ManagementPort), beside the public one the factory picks.</summary>
    public int ManagementPort { get; } = FreePort.Next();

    /// <summary>A client of the management listener: /metrics and the detailed health report.</summary>
    public HttpClient CreateManagementClient() => new() { BaseAddress = new Uri($"http://127.0.0.1:{ManagementPort}") };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (name, address) in _services) builder.UseSetting($"services:{name}:http:0", address?.ToString() ?? "");
        builder.UseSetting("Gateway:RateLimits:Default:TokenLimit", "100000");
        builder.UseSetting("Gateway:RateLimits:Default:TokensPerPeriod", "100000");
        builder.UseSetting("Gateway:RateLimits:Auth:TokenLimit", "100000");
        builder.UseSetting("Gateway:RateLimits:Auth:TokensPerPeriod", "100000");
        builder.UseSetting("Gateway:RateLimits:Health:TokenLimit", "100000");
        builder.UseSetting("Gateway:RateLimits:Health:TokensPerPeriod", "100000");
        builder.UseSetting("Gateway:ManagementPort", ManagementPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Two listeners, as deployments run it; the factory's clients use the last address, the public one.
        builder.UseUrls($"http://127.0.0.1:{ManagementPort}", $"http://127.0.0.1:{PublicPort}");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }
}
