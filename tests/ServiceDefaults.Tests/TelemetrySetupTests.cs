using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ProductStore.ServiceDefaults.Tests;

public sealed class TelemetrySetupTests
{
    // Nothing listens there: exports fail quietly, which is all these tests need.
    private const string NowhereEndpoint = "http://127.0.0.1:9";

    private static Task<TestApp> StartAsync(string? setting = null) =>
        TestApp.StartAsync(_ => { }, settings: setting is null ? null : new() { [setting] = NowhereEndpoint });

    private static bool ExportsLogs(TestApp app) => app.App.Services.GetServices<ILoggerProvider>().Any(p => p is OpenTelemetryLoggerProvider);

    [Fact]
    public async Task Without_an_otlp_endpoint_metrics_are_collected_and_nothing_records_spans_or_exports_logs()
    {
        await using var app = await StartAsync();

        Assert.NotNull(app.App.Services.GetService<MeterProvider>());
        Assert.Null(app.App.Services.GetService<TracerProvider>());
        Assert.False(ExportsLogs(app));
    }

    [Fact]
    public async Task With_an_otlp_endpoint_spans_are_recorded_and_logs_exported()
    {
        await using var app = await StartAsync("OTEL_EXPORTER_OTLP_ENDPOINT");

        Assert.NotNull(app.App.Services.GetService<TracerProvider>());
        Assert.True(ExportsLogs(app));
    }

    [Fact]
    public async Task A_traces_endpoint_alone_records_spans_and_exports_no_logs()
    {
        await using var app = await StartAsync("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");

        Assert.NotNull(app.App.Services.GetService<TracerProvider>());
        Assert.False(ExportsLogs(app));
    }
}
