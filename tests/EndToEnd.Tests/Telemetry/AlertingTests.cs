using ProductStore.TestSupport;
using System.Net;
using System.Text.Json;

namespace ProductStore.EndToEnd.Tests.Telemetry;

/// <summary>
/// The real services with the real Prometheus (1 s scrape and evaluation) and Alertmanager, whose Telegram
/// receiver points at a local stub: a stopped service pages, and its return resolves the page.
/// </summary>
public sealed class AlertingTests : IAsyncLifetime
{
    private const string BotToken = "123456:e2e-test-token";
    private const long ChatId = 4242;
    private TelegramStub _telegram = null!;
    private ProductStoreSystem? _system;

    public async ValueTask InitializeAsync()
    {
        Tools.Require("prometheus");
        _telegram = await TelegramStub.StartAsync();
        _system = await ProductStoreSystem.StartAsync(options =>
        {
            options.Monitoring = true;
            options.Telegram = new TelegramSettings(BotToken, ChatId, _telegram.ApiUrl.ToString().TrimEnd('/'));
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
        if (_telegram is not null) await _telegram.DisposeAsync();
    }

    [Fact]
    public async Task A_stopped_service_pages_Telegram_and_its_return_resolves_it()
    {
        var system = _system!;
        Assert.True(system.IsRunning("alertmanager"), "Alertmanager is not running");
        await WaitForTargetsUpAsync(system);

        await system.StopResourceAsync("cart");
        var firing = await _telegram.WaitForAsync(m => m.Text.Contains("FIRING") && m.Text.Contains("ServiceDown") && m.Text.Contains("cart"),
            TimeSpan.FromMinutes(3), "saying cart is down");
        Assert.Equal(BotToken, firing.Token);
        Assert.Equal(ChatId, firing.ChatId);
        Assert.Equal("HTML", firing.ParseMode);
        Assert.Contains("Open in Prometheus", firing.Text);

        await system.StartResourceAsync("cart");
        await _telegram.WaitForAsync(m => m.Text.Contains("RESOLVED") && m.Text.Contains("ServiceDown") && m.Text.Contains("cart"),
            TimeSpan.FromMinutes(2), "saying cart is back");
    }

    private static async Task WaitForTargetsUpAsync(ProductStoreSystem system)
    {
        using var http = new HttpClient { BaseAddress = system.Endpoint("prometheus") };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await http.GetAsync("api/v1/query?query=sum(up)");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var result = body.RootElement.GetProperty("data").GetProperty("result");
            // Five services and the storefront.
            if (result.GetArrayLength() == 1 && result[0].GetProperty("value")[1].GetString() == "6") return;
            Assert.True(DateTime.UtcNow < deadline, $"Prometheus does not see all six targets up: {body.RootElement}");
            await Task.Delay(500);
        }
    }
}
