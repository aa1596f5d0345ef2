using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProductStore.Storefront.Api;
using ProductStore.Storefront.Components.Shared;

namespace ProductStore.Storefront.Tests;

public sealed class LiveOrderStatusTests : BunitContext
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-12-06T10:00:00Z");
    private static readonly Guid OrderId = Guid.Parse("0196a1b2-0000-7000-8000-0000000000aa");

    private static Order OrderIn(string status) => new(OrderId, Guid.NewGuid(), status, [], 10m, "EUR", At, At, [new StatusChange(null, status, At, "system")]);

    /// <summary>The API as the component sees it: each read answers the next status in line (the last one for ever after).</summary>
    private sealed class OrderApi(params string[] statuses) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<string> _next = new(statuses);
        private string _last = statuses[^1];
        public int Reads;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Reads);
            if (_next.TryDequeue(out var status)) _last = status;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(OrderIn(_last), options: JsonSerializerOptions.Web) });
        }
    }

    private OrderApi Serve(params string[] statuses)
    {
        var api = new OrderApi(statuses);
        Services.AddSingleton(new OrdersClient(new HttpClient(api) { BaseAddress = new Uri("http://gateway/") }));
        return api;
    }

    [Fact]
    public void On_a_circuit_the_status_follows_the_order_until_it_is_delivered_and_then_stops_asking()
    {
        var api = Serve("Shipped", "Delivered");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var status = Render<LiveOrderStatus>(p => p.Add(c => c.Order, OrderIn("Paid")));

        status.WaitForAssertion(() => Assert.Equal("Delivered", status.Find("[data-status]").TextContent), TimeSpan.FromSeconds(10));
        var reads = api.Reads;
        Assert.Empty(status.FindAll("a"));
        Thread.Sleep(2000);
        Assert.Equal(reads, api.Reads);
    }

    [Fact]
    public void Rendered_without_a_circuit_it_shows_the_status_as_it_was_and_a_refresh_link()
    {
        var api = Serve("Delivered");
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var status = Render<LiveOrderStatus>(p => p.Add(c => c.Order, OrderIn("Paid")));

        Thread.Sleep(2000);
        Assert.Equal("Paid", status.Find("[data-status]").TextContent);
        Assert.Equal($"/orders/{OrderId}", status.Find("a").GetAttribute("href"));
        Assert.Equal(0, api.Reads);
    }
}
