using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests.Fakes;

/// <summary>
/// Catalog's internal stock API as Orders sees it over HTTP: all-or-none reservations, idempotent by order id,
/// and releases. It also checks each call carries a service token.
/// </summary>
public sealed class FakeCatalog : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, FakeProduct> _products = [];
    private readonly Dictionary<Guid, (List<(Guid ProductId, int Quantity)> Items, bool Released)> _reservations = [];
    private StubServer _server = null!;

    public Uri Address => _server.Address;
    /// <summary>While true every call answers 503, as a Catalog that is down behind a load balancer would.</summary>
    public volatile bool Down;
    public int ReserveCalls;
    public int ReleaseCalls;
    public int CallsWithoutServiceToken;

    public static async Task<FakeCatalog> StartAsync()
    {
        var catalog = new FakeCatalog();
        catalog._server = await StubServer.StartAsync(app =>
        {
            app.MapPost("/internal/stock/reservations", catalog.Reserve);
            app.MapDelete("/internal/stock/reservations/{orderId:guid}", catalog.Release);
        });
        return catalog;
    }

    public FakeProduct Add(int stock, decimal price = 10m, string currency = "USD")
    {
        var product = new FakeProduct(Guid.NewGuid(), "SKU-" + Guid.NewGuid().ToString("N")[..8], "Product " + price, price, currency) { Stock = stock };
        lock (_gate) _products[product.Id] = product;
        return product;
    }

    public int StockOf(Guid productId)
    {
        lock (_gate) return _products[productId].Stock;
    }

    public int ActiveReservations
    {
        get
        {
            lock (_gate) return _reservations.Values.Count(r => !r.Released);
        }
    }

    public bool IsReserved(Guid orderId)
    {
        lock (_gate) return _reservations.TryGetValue(orderId, out var r) && !r.Released;
    }

    /// <summary>Reserves directly, as if an Orders process had done it and then crashed.</summary>
    public void ReserveDirectly(Guid orderId, Guid productId, int quantity)
    {
        lock (_gate)
        {
            _products[productId].Stock -= quantity;
            _reservations[orderId] = ([(productId, quantity)], false);
        }
    }

    private IResult Reserve(HttpContext context, ReservationBody body)
    {
        Interlocked.Increment(ref ReserveCalls);
        if (Refuse(context) is { } refusal) return refusal;
        lock (_gate)
        {
            if (_reservations.TryGetValue(body.OrderId, out var existing)) return Results.Ok(Describe(body.OrderId, existing.Items));
            var shortItems = body.Items
                .Where(i => !_products.TryGetValue(i.ProductId, out var p) || p.Stock < i.Quantity)
                .Select(i => new { productId = i.ProductId, requested = i.Quantity, available = _products.TryGetValue(i.ProductId, out var p) ? p.Stock : 0 })
                .ToArray();
            if (shortItems.Length > 0)
            {
                return Results.Problem(title: "Insufficient stock", statusCode: 409, extensions: new Dictionary<string, object?> { ["shortItems"] = shortItems });
            }
            foreach (var item in body.Items) _products[item.ProductId].Stock -= item.Quantity;
            var items = body.Items.Select(i => (i.ProductId, i.Quantity)).ToList();
            _reservations[body.OrderId] = (items, false);
            return Results.Ok(Describe(body.OrderId, items));
        }
    }

    private IResult Release(HttpContext context, Guid orderId)
    {
        Interlocked.Increment(ref ReleaseCalls);
        if (Refuse(context) is { } refusal) return refusal;
        lock (_gate)
        {
            if (_reservations.TryGetValue(orderId, out var reservation) && !reservation.Released)
            {
                foreach (var (productId, quantity) in reservation.Items) _products[productId].Stock += quantity;
                _reservations[orderId] = (reservation.Items, true);
            }
        }
        return Results.NoContent();
    }

    private IResult? Refuse(HttpContext context)
    {
        if (Down) return Results.StatusCode(503);
        if (!FakeServiceToken.IsServiceToken(context))
        {
            Interlocked.Increment(ref CallsWithoutServiceToken);
            return Results.StatusCode(403);
        }
        return null;
    }

    private object Describe(Guid orderId, List<(Guid ProductId, int Quantity)> items) => new
    {
        orderId,
        items = items.Select(i =>
        {
            var p = _products[i.ProductId];
            return new { productId = p.Id, sku = p.Sku, name = p.Name, quantity = i.Quantity, unitPrice = p.Price, currency = p.Currency };
        }),
        createdAt = DateTimeOffset.UtcNow,
        released = false,
    };

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed record ReservationBody(Guid OrderId, List<ItemBody> Items);

    private sealed record ItemBody(Guid ProductId, int Quantity);
}

public sealed record FakeProduct(Guid Id, string Sku, string Name, decimal Price, string Currency)
{
    public int Stock { get; set; }
}

internal static class FakeServiceToken
{
    /// <summary>True when the bearer token's payload says role "service" (signature checks are the real services' job, tested there).</summary>
    public static bool IsServiceToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return false;
        var parts = header["Bearer ".Length..].Split('.');
        if (parts.Length != 3) return false;
        using var payload = JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])));
        return payload.RootElement.TryGetProperty("role", out var role) && role.GetString() == "service";
    }
}
