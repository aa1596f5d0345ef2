using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.TestSupport;

namespace ProductStore.Cart.Tests.Fakes;

/// <summary>
/// Catalog's public product lookup as Cart sees it over HTTP. It records the ids of every lookup, so tests can
/// count calls, and it can be made to fail, hang or stop, as a Catalog in trouble would.
/// </summary>
public sealed class FakeCatalog : IAsyncDisposable
{
    private const int MaxIdsPerLookup = 100;
    private readonly ConcurrentDictionary<Guid, FakeProduct> _products = new();
    private readonly ConcurrentQueue<Guid[]> _lookups = new();
    private StubServer? _server;

    public Uri Address { get; private set; } = null!;

    /// <summary>While true every lookup waits until the caller gives up.</summary>
    public volatile bool Hangs;

    /// <summary>While true every lookup answers 500.</summary>
    public volatile bool Fails;

    public static async Task<FakeCatalog> StartAsync()
    {
        var catalog = new FakeCatalog();
        catalog._server = await StubServer.StartAsync(app => app.MapGet("/api/catalog/products/lookup", catalog.Lookup));
        catalog.Address = catalog._server.Address;
        return catalog;
    }

    public FakeProduct Add(decimal price = 10m, int stock = 10, string currency = "EUR")
    {
        var id = Guid.CreateVersion7();
        var product = new FakeProduct(id, "Product " + id.ToString("N")[^6..], price, currency, stock);
        _products[id] = product;
        return product;
    }

    public void ChangePrice(Guid productId, decimal price) => _products[productId] = _products[productId] with { Price = price };

    public void Delete(Guid productId) => _products.TryRemove(productId, out _);

    /// <summary>How many lookups were asked for so far.</summary>
    public int LookupCount => _lookups.Count;

    /// <summary>The lookups whose ids included <paramref name="productId"/>, each as the full list of ids asked for.</summary>
    public IReadOnlyList<Guid[]> LookupsOf(Guid productId) => _lookups.Where(ids => ids.Contains(productId)).ToArray();

    /// <summary>Stops listening: calls then meet a refused connection.</summary>
    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }

    private async Task<IResult> Lookup(string? ids, CancellationToken requestAborted)
    {
        var parsed = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).ToArray();
        _lookups.Enqueue(parsed);
        if (Hangs)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, requestAborted);
            }
            catch (OperationCanceledException)
            {
                // The caller gave up, which is what a hanging Catalog tests.
            }
            return Results.Empty;
        }
        if (Fails) return Results.StatusCode(StatusCodes.Status500InternalServerError);
        if (parsed.Length is 0 or > MaxIdsPerLookup || parsed.Contains(Guid.Empty))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "ids must be 1 to 100 product ids.");
        return Results.Ok(parsed.Distinct().Where(_products.ContainsKey).Select(id => _products[id]).Select(p => new
        {
            id = p.Id, sku = "SKU-" + p.Id.ToString("N")[..8], name = p.Name, description = "", category = "things",
            price = p.Price, currency = p.Currency, stock = p.Stock, imageUrl = (string?)null,
            createdAt = DateTimeOffset.UtcNow, updatedAt = DateTimeOffset.UtcNow,
        }));
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}

public sealed record FakeProduct(Guid Id, string Name, decimal Price, string Currency, int Stock);
