using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.Cart.Storage;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Validation;

namespace ProductStore.Cart.Apis;

/// <summary>Internal, for Orders' checkout (service token only): read a user's cart, remove what was ordered.</summary>
public static class InternalCartApi
{
    public static IEndpointRouteBuilder MapInternalCartApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/carts")
            .WithTags("Internal")
            .RequireAuthorization(Roles.Service)
            .WithValidation();
        api.MapGet("/{userId:guid}", Get)
            .WithName("GetCartForCheckout");
        api.MapPost("/{userId:guid}/remove-ordered", RemoveOrdered)
            .WithName("RemoveOrderedItems")
            .WithSummary("Remove the lines an order took, unless their quantity changed meanwhile");
        return app;
    }

    public static async Task<Ok<CartSnapshot>> Get(Guid userId, ICartStore carts, CancellationToken cancellationToken)
    {
        var lines = await carts.GetAsync(userId, cancellationToken);
        return TypedResults.Ok(new CartSnapshot(userId, lines.Select(l => new CartSnapshotItem(l.ProductId, l.Name, l.Quantity, l.PriceWhenAdded, l.Currency)).ToArray()));
    }

    public static async Task<NoContent> RemoveOrdered(Guid userId, RemoveOrderedRequest request, ICartStore carts, CancellationToken cancellationToken)
    {
        await carts.RemoveOrderedAsync(userId, request.ToOrdered(), cancellationToken);
        return TypedResults.NoContent();
    }
}
