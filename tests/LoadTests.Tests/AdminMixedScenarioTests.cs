using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.LoadTests.Cli;
using ProductStore.TestSupport;

namespace ProductStore.LoadTests.Tests;

/// <summary>admin-mixed against a catalog that enforces the edit rules: If-Match on every PUT, no stock in it, stock by adjustment.</summary>
public sealed class AdminMixedScenarioTests : IAsyncLifetime
{
    private readonly Guid _id = Guid.CreateVersion7();
    private readonly string _reports = Path.Combine(Path.GetTempPath(), $"load-admin-{Guid.NewGuid():N}");
    private readonly object _gate = new();
    private StubServer _catalog = null!;
    private int _version = 1, _stock = 5, _edits, _adjustments, _refusedEdits;
    private decimal _price = 10m;

    public async ValueTask InitializeAsync() => _catalog = await StubServer.StartAsync(app =>
    {
        app.MapPost("/api/users/login", () => Results.Ok(new { accessToken = "token", tokenType = "Bearer", expiresIn = 900, refreshToken = "r" }));
        app.MapGet("/api/catalog/products", () => Results.Ok(new { items = new[] { Product() }, nextCursor = (string?)null }));
        app.MapGet("/api/catalog/products/{id:guid}", (HttpContext context) =>
        {
            lock (_gate) context.Response.Headers.ETag = $"\"v{_version}\"";
            return Results.Ok(Product());
        });
        app.MapPut("/api/catalog/products/{id:guid}", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            lock (_gate)
            {
                if (context.Request.Headers.IfMatch.Count == 0 || body.RootElement.TryGetProperty("stock", out _))
                {
                    _refusedEdits++;
                    return Results.Problem(statusCode: 428);
                }
                if (context.Request.Headers.IfMatch != $"\"v{_version}\"") return Results.Problem(statusCode: 412);
                _version++;
                _edits++;
                _price = body.RootElement.GetProperty("price").GetDecimal();
                return Results.Ok(Product());
            }
        });
        app.MapPost("/api/catalog/products/{id:guid}/stock-adjustments", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            lock (_gate)
            {
                _stock += body.RootElement.GetProperty("change").GetInt32();
                _adjustments++;
                return Results.Ok(new { productId = _id, stock = _stock });
            }
        });
    });

    public async ValueTask DisposeAsync()
    {
        await _catalog.DisposeAsync();
        if (Directory.Exists(_reports)) Directory.Delete(_reports, recursive: true);
    }

    [Fact]
    public async Task Every_write_edits_with_if_match_and_restocks_by_adjustment()
    {
        var exitCode = await LoadCommand.Create().Parse(
            ["--target", _catalog.Address.ToString(), "--scenario", "admin-mixed", "--admin-email", "admin@example.test", "--admin-password", "x",
             "--write-percent", "100", "--rate", "40", "--duration", "1s", "--warmup", "0", "--report-dir", _reports, "--max-fail-percent", "0"])
            .InvokeAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(0, _refusedEdits);
        Assert.InRange(_edits, 20, 60);
        Assert.InRange(_adjustments, 20, 60);
        Assert.Equal(10m, _price); // clean put the setup price back
    }

    private object Product()
    {
        lock (_gate)
            return new { id = _id, sku = "SKU-1", name = "Product", description = "", category = "c", price = _price, currency = "EUR", stock = _stock, imageUrl = (string?)null };
    }
}
