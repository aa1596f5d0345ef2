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
        // Shoppers only: a service token's subject is a client id, not a user who has a cart.
        var api = app.MapGroup("/api/cart")
            .WithTags("Cart")
            .RequireAuthorization(Roles.User)
            .WithValidation();
        api.MapGet("", Get)
            .WithName("GetCart")
            .WithSummary("The caller's cart with current prices and totals");
        api.MapPut("/items/{productId:guid}", SetQuantity)
            .WithName("SetCartItem")
            .WithSummary("Add a product or set its quantity (1-99)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/items/{productId:guid}", Remove)
            .WithName("RemoveCartItem")
            .WithSummary("Take a product out of the cart");
        api.MapDelete("", Clear)
            .WithName("ClearCart")
            .WithSummary("Empty the cart");
        return app;
    }

    public static async Task<Ok<CartResponse>> Get(ClaimsPrincipal user, ICartStore carts, CatalogClient catalog, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var lines = await carts.GetAsync(userId, cancellationToken);
        var products = await catalog.LookupAsync(ProductIds(lines), cancellationToken);
        return TypedResults.Ok(Priced(userId, lines, products));
    }

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> SetQuantity(
        Guid productId, SetQuantityRequest request, ClaimsPrincipal user, ICartStore carts, CatalogClient catalog, CartMetrics metrics,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var quantity = request.ToQuantity();
        var lines = await carts.GetAsync(userId, cancellationToken);
        if (!CartRules.HasRoomFor(lines, productId))
            return TypedResults.Problem(title: "The cart is full", statusCode: StatusCodes.Status409Conflict,
                detail: $"A cart holds at most {CartRules.MaxLines} different products.");

        var ids = ProductIds(lines);
        ids.Add(productId);
        var products = await catalog.LookupAsync(ids, cancellationToken);
        if (!products.TryGetValue(productId, out var product))
            return TypedResults.Problem(title: "Product not found", statusCode: StatusCodes.Status404NotFound, detail: $"There is no product {productId}.");
        if (product.Stock < quantity)
            return TypedResults.Problem(title: "Not enough stock", statusCode: StatusCodes.Status409Conflict,
                detail: $"Only {product.Stock} of '{product.Name}' are in stock.", extensions: new Dictionary<string, object?> { ["available"] = product.Stock });
        if (CartRules.ConflictingCurrency(lines, productId, product.Currency) is { } cartCurrency)
            return TypedResults.Problem(title: "Currency mismatch", statusCode: StatusCodes.Status409Conflict,
                detail: $"The cart is in {cartCurrency}; '{product.Name}' is priced in {product.Currency}. A cart holds one currency.");

        var existing = lines.FirstOrDefault(l => l.ProductId == productId);
        var line = existing is null
            ? new CartLine(productId, product.Name, quantity, product.Price, product.Currency, time.GetUtcNow())
            : existing with { Name = product.Name, Quantity = quantity };
        await carts.UpsertAsync(userId, line, cancellationToken);
        if (quantity > (existing?.Quantity ?? 0)) metrics.Added(quantity - (existing?.Quantity ?? 0));

        return TypedResults.Ok(Priced(userId, lines.Where(l => l.ProductId != productId).Append(line), products));
    }

    public static async Task<Results<Ok<CartResponse>, NotFound>> Remove(
        Guid productId, ClaimsPrincipal user, ICartStore carts, CatalogClient catalog, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var lines = await carts.GetAsync(userId, cancellationToken);
        if (lines.All(l => l.ProductId != productId)) return TypedResults.NotFound();
        var remaining = lines.Where(l => l.ProductId != productId).ToList();
        // Price before removing: when Catalog is down the line stays, so the shopper's retry after the 503 still finds it.
        var products = await catalog.LookupAsync(ProductIds(remaining), cancellationToken);
        if (!await carts.RemoveAsync(userId, productId, cancellationToken)) return TypedResults.NotFound();
        return TypedResults.Ok(Priced(userId, remaining, products));
    }

    public static async Task<NoContent> Clear(ClaimsPrincipal user, ICartStore carts, CancellationToken cancellationToken)
    {
        await carts.ClearAsync(user.UserId(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static HashSet<Guid> ProductIds(IEnumerable<CartLine> lines) => lines.Select(l => l.ProductId).ToHashSet();

    /// <summary>A product deleted from the catalog keeps the price it was added at, so the cart still adds up.</summary>
    private static CartResponse Priced(Guid userId, IEnumerable<CartLine> lines, IReadOnlyDictionary<Guid, CatalogProduct> products) =>
        CartResponse.From(userId, CartRules.InAddedOrder(lines)
            .Select(l => new PricedLine(l, products.TryGetValue(l.ProductId, out var p) ? p.Price : l.PriceWhenAdded))
            .ToList());
}
