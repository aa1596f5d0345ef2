using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using ProductStore.ServiceDefaults;
using ProductStore.TestSupport;

namespace ProductStore.Gateway.Tests.Fakes;

/// <summary>
/// One replica of a service: a real process pipeline (the service defaults, so it drains on stop like ours) on a fixed
/// loopback port, stopped the way SIGTERM stops it and started again on the same port.
/// </summary>
public sealed class Replica : IAsyncDisposable
{
    private WebApplication? _app;

    public int Port { get; } = FreePort.Next();

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public TimeSpan DrainDelay { get; init; } = TimeSpan.FromSeconds(1);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls(Address.ToString());
        builder.Configuration["OTEL_SERVICE_NAME"] = "replica";
        builder.Configuration["Shutdown:DrainDelay"] = DrainDelay.ToString();
        builder.AddProcessDefaults();
        var app = builder.Build();
        app.MapProcessEndpoints();
        app.MapGet("/api/catalog/{**rest}", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(5, cancellationToken);
            return Results.Ok();
        });
        await app.StartAsync();
        _app = app;
    }

    /// <summary>What SIGTERM does: the lifetime is asked to stop, and the host stops (drain, then in-flight requests finish).</summary>
    public async Task StopAsync()
    {
        if (_app is not { } app) return;
        _app = null;
        app.Lifetime.StopApplication();
        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
