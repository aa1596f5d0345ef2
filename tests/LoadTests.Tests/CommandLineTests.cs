using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.LoadTests.Cli;
using ProductStore.LoadTests.Reports;
using ProductStore.TestSupport;

namespace ProductStore.LoadTests.Tests;

/// <summary>The command line end to end: the browse scenario against a fake catalog, thresholds deciding the exit code.</summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private static readonly object[] Products = Enumerable.Range(1, 3).Select(i => new
    {
        id = Guid.CreateVersion7(), sku = $"SKU-{i}", name = $"Product {i}", description = "", category = i % 2 == 0 ? "even" : "odd",
        price = 10m * i, currency = "EUR", stock = 5, imageUrl = (string?)null,
    }).ToArray<object>();

    private readonly string _reports = Path.Combine(Path.GetTempPath(), $"load-cli-{Guid.NewGuid():N}");
    private StubServer _catalog = null!;
    private int _productReads;

    public async ValueTask InitializeAsync() => _catalog = await StubServer.StartAsync(app =>
    {
        app.MapGet("/api/catalog/products", () => Results.Ok(new { items = Products, nextCursor = (string?)null }));
        app.MapGet("/api/catalog/products/{id:guid}", (Guid id) =>
        {
            Interlocked.Increment(ref _productReads);
            return Results.Ok(Products[0]);
        });
    });

    public async ValueTask DisposeAsync()
    {
        await _catalog.DisposeAsync();
        if (Directory.Exists(_reports)) Directory.Delete(_reports, recursive: true);
    }

    [Fact]
    public async Task Browse_within_thresholds_exits_zero_and_writes_reports()
    {
        var exitCode = await RunAsync("--max-fail-percent", "1", "--max-p99-ms", "5000");

        Assert.Equal(0, exitCode);
        Assert.InRange(_productReads, 90, 110);
        var stats = LoadReports.ReadJson(await File.ReadAllTextAsync(Directory.GetFiles(_reports, "*.json").Single()))!;
        var browse = stats.Scenario("browse");
        Assert.Equal(0, browse.Fail.Count);
        Assert.Equal(["list", "product"], browse.Steps.Select(s => s.Name));
        Assert.Equal(200, Assert.Single(browse.Step("product").StatusCodes).StatusCode);
        Assert.Equal(2, stats.Thresholds.Count);
    }

    [Fact]
    public async Task A_broken_threshold_exits_one()
    {
        Assert.Equal(1, await RunAsync("--max-p99-ms", "0.001"));
    }

    [Fact]
    public async Task Zero_failures_allowed_passes_a_clean_run_and_a_step_threshold_judges_every_step()
    {
        Assert.Equal(0, await RunAsync("--max-fail-percent", "0", "--max-step-p99-ms", "5000"));
        Assert.Equal(1, await RunAsync("--max-fail-percent", "0", "--max-step-p99-ms", "0.001"));
    }

    [Fact]
    public async Task The_route_scenario_gets_the_given_path_and_nothing_else()
    {
        Assert.Equal(0, await RunAsync("--scenario", "route", "--path", $"/api/catalog/products/{Guid.NewGuid()}", "--max-fail-percent", "0"));

        Assert.InRange(_productReads, 90, 110);
        var route = LoadReports.ReadJson(await File.ReadAllTextAsync(Directory.GetFiles(_reports, "*.json").Single()))!.Scenario("route");
        Assert.Equal(_productReads, route.Ok.Count);
    }

    [Fact]
    public async Task An_unknown_scenario_is_rejected_before_any_load()
    {
        Assert.NotEqual(0, await RunAsync("--scenario", "browse,nope"));
        Assert.Equal(0, _productReads);
    }

    [Fact]
    public async Task Zero_discovery_pages_are_rejected_before_any_load()
    {
        Assert.NotEqual(0, await RunAsync("--discovery-pages", "0"));
        Assert.Equal(0, _productReads);
        Assert.Equal(0, await RunAsync("--discovery-pages", "2"));
    }

    [Fact]
    public async Task Admin_mixed_without_credentials_fails_setup_with_exit_code_two()
    {
        Assert.Equal(LoadCommand.SetupFailed, await RunAsync("--scenario", "admin-mixed", "--admin-email", "", "--admin-password", ""));
    }

    private Task<int> RunAsync(params string[] extra) => LoadCommand.Create().Parse(
        ["--target", _catalog.Address.ToString(), .. extra.Contains("--scenario") ? [] : new[] { "--scenario", "browse" },
         "--rate", "100", "--duration", "1s", "--warmup", "0", "--report-dir", _reports, .. extra])
        .InvokeAsync();
}
