using Microsoft.Playwright;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests;

/// <summary>What a developer sees after <c>dotnet run --project src/AppHost</c>: the Aspire dashboard, in a real browser.</summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private static readonly string[] Services = ["users", "catalog", "cart", "orders", "gateway"];
    private ProductStoreSystem? _system;

    public async ValueTask InitializeAsync()
    {
        Tools.Require("chromium");
        _system = await ProductStoreSystem.StartAsync(options => options.Dashboard = true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }

    [Fact]
    public async Task The_dashboard_shows_the_five_services_running_and_receives_their_traces_and_logs()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Tools.Require("chromium"),
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });

        await page.GotoAsync(_system!.Dashboard!.ToString());

        foreach (var service in Services)
        {
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = service });
            await Assertions.Expect(row.First).ToContainTextAsync("Running", new() { Timeout = 30_000 });
        }
        Directory.CreateDirectory("artifacts");
        await page.ScreenshotAsync(new() { Path = Path.Combine("artifacts", "aspire-dashboard.png"), FullPage = true });

        // Telemetry arrives over OTLP: a request through the gateway becomes a trace with the services it touched.
        using var shopper = await ShopperClient.RegisterAsync(_system);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await shopper.Http.GetAsync("api/cart")).StatusCode);
        await page.GotoAsync(new Uri(_system.Dashboard, "/traces").ToString());
        var cartTrace = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "gateway" }).Filter(new() { HasText = "cart" });
        await Assertions.Expect(cartTrace.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GotoAsync(new Uri(_system.Dashboard, "/structuredlogs").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "users" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine("artifacts", "aspire-dashboard-logs.png"), FullPage = true });
    }
}
