using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests.Fakes;

/// <summary>Cart's internal API as Orders sees it over HTTP: read a user's lines, remove ordered lines.</summary>
public sealed class FakeCart : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, List<CartLine>> _carts = new();
    private StubServer _server = null!;

    public Uri Address => _server.Address;
    public volatile bool Down;
    private ReadGate? _readGate;
    private int _reads;

    /// <summary>How long each read of a cart takes, so that checkouts racing for one cart overlap.</summary>
    public TimeSpan ReadDelay { get; set; }

    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Holds cart reads until <paramref name="readers"/> of them have arrived, so concurrent checkouts really meet.</summary>
    public void GateReads(int readers) => _readGate = new ReadGate(readers);

    public static async Task<FakeCart> StartAsync()
    {
        var cart = new FakeCart();
        cart._server = await StubServer.StartAsync(app =>
        {
            app.MapGet("/internal/carts/{userId:guid}", cart.Get);
            app.MapPost("/internal/carts/{userId:guid}/remove-ordered", cart.RemoveOrdered);
        });
        return cart;
    }

    public void Put(Guid userId, FakeProduct product, int quantity, decimal? priceWhenAdded = null)
    {
        var lines = _carts.GetOrAdd(userId, _ => []);
        lock (lines)
        {
            lines.RemoveAll(l => l.ProductId == product.Id);
            lines.Add(new CartLine(product.Id, product.Name, quantity, priceWhenAdded ?? product.Price, product.Currency));
        }
    }

    public IReadOnlyList<CartLine> Lines(Guid userId)
    {
        var lines = _carts.GetOrAdd(userId, _ => []);
        lock (lines) return lines.ToArray();
    }

    private async Task<IResult> Get(HttpContext context, Guid userId)
    {
        if (_readGate is { } gate) await gate.ArriveAsync();
        Interlocked.Increment(ref _reads);
        if (ReadDelay > TimeSpan.Zero) await Task.Delay(ReadDelay);
        if (Down) return Results.StatusCode(503);
        if (!FakeServiceToken.IsServiceToken(context)) return Results.StatusCode(403);
        return Results.Ok(new { userId, items = Lines(userId) });
    }

    private IResult RemoveOrdered(HttpContext context, Guid userId, RemoveBody body)
    {
        if (Down) return Results.StatusCode(503);
        if (!FakeServiceToken.IsServiceToken(context)) return Results.StatusCode(403);
        var lines = _carts.GetOrAdd(userId, _ => []);
        lock (lines) lines.RemoveAll(l => body.Items.Any(i => i.ProductId == l.ProductId && i.Quantity == l.Quantity));
        return Results.NoContent();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed class ReadGate(int readers)
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _arrived) >= readers) _open.TrySetResult();
            return _open.Task.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }

    public sealed record CartLine(Guid ProductId, string Name, int Quantity, decimal PriceWhenAdded, string Currency);

    private sealed record RemoveBody(List<ItemBody> Items);

    private sealed record ItemBody(Guid ProductId, int Quantity);
}
