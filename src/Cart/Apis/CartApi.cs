using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.Cart.Clients;
using ProductStore.Cart.Domain;
using ProductStore.Cart.Storage;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Validation;

namespace ProductStore.Cart.Apis;

/// <summary>The signed-in shopper's own cart.</summary>
public static class CartApi
{
    public static IEndpointRouteBuilder MapCartApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cart").WithTags("Cart").RequireAuthorization().WithValidation();
        api.MapGet("", Get).WithName("GetCart").WithSummary("The caller's cart with current prices and totals");
        api.MapPut("/items/{productId:guid}", SetQuantity).WithName("SetCartItem").WithSummary("Add a product or set its quantity (1-99)");
        api.MapDelete("/items/{productId:guid}", Remove).WithName("RemoveCartItem");
        api.MapDelete("", Clear).WithName("ClearCart");
        return app;
    }

    public static async Task<Ok<CartResponse>> Get(ClaimsPrincipal user, ICartStore carts, CatalogClient catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PricedCartAsync(user.UserId(), carts, catalog, cancellationToken));

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> SetQuantity(
        Guid productId, SetQuantityRequest request, ClaimsPrincipal user, ICartStore carts, CatalogClient catalog, CartMetrics metrics,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var quantity = request.Quantity!.Value;
        var lines = await carts.GetAsync(userId, cancellationToken);
        var products = await catalog.LookupAsync(lines.Select(l => l.ProductId).Append(productId).ToHashSet(), cancellationToken);
        if (!products.TryGetValue(productId, out var product))
            return TypedResults.Problem(title: "Product not found", statusCode: StatusCodes.Status404NotFound, detail: $"There is no product {productId}.");
        if (product.Stock < quantity)
            return TypedResults.Problem(title: "Not enough stock", statusCode: StatusCodes.Status409Conflict,
                detail: $"Only {product.Stock} of '{product.Name}' are in stock.", extensions: new Dictionary<string, object?> { ["available"] = product.Stock });
        if (!CartRules.AcceptsCurrency(lines, productId, product.Currency))
            return TypedResults.Problem(title: "Currency mismatch", statusCode: StatusCodes.Status409Conflict,
                detail: $"The cart is in {lines[0].Currency}; '{product.Name}' is priced in {product.Currency}.");

        var existing = lines.FirstOrDefault(l => l.ProductId == productId);
        var line = existing is null
            ? new CartLine(productId, product.Name, quantity, product.Price, product.Currency, time.GetUtcNow())
            : existing with { Name = product.Name, Quantity = quantity };
        await carts.UpsertAsync(userId, line, cancellationToken);
        if (existing is null || quantity > existing.Quantity) metrics.Added(quantity - (existing?.Quantity ?? 0));

        var updated = lines.Where(l => l.ProductId != productId).Append(line).OrderBy(l => l.AddedAt).ThenBy(l => l.ProductId);
        return TypedResults.Ok(Priced(userId, updated, products));
    }

    public static async Task<Results<Ok<CartResponse>, NotFound>> Remove(
        Guid productId, ClaimsPrincipal user, ICartStore carts, CatalogClient catalog, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        if (!await carts.RemoveAsync(userId, productId, cancellationToken)) return TypedResults.NotFound();
        return TypedResults.Ok(await PricedCartAsync(userId, carts, catalog, cancellationToken));
    }

    public static async Task<NoContent> Clear(ClaimsPrincipal user, ICartStore carts, CancellationToken cancellationToken)
    {
        await carts.ClearAsync(user.UserId(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<CartResponse> PricedCartAsync(Guid userId, ICartStore carts, CatalogClient catalog, CancellationToken cancellationToken)
    {
        var lines = await carts.GetAsync(userId, cancellationToken);
        var products = await catalog.LookupAsync(lines.Select(l => l.ProductId).ToHashSet(), cancellationToken);
        return Priced(userId, lines, products);
    }

    /// <summary>A product deleted from the catalog keeps the price it was added at, so the cart still adds up.</summary>
    private static CartResponse Priced(Guid userId, IEnumerable<CartLine> lines, IReadOnlyDictionary<Guid, CatalogProduct> products) =>
        CartResponse.From(userId, lines.Select(l => new PricedLine(l, products.TryGetValue(l.ProductId, out var p) ? p.Price : l.PriceWhenAdded)).ToList());
}

