using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.Orders.Checkout;
using ProductStore.Orders.Apis;
using ProductStore.Orders.Domain;
using ProductStore.Orders.Progress;
using ProductStore.Orders.Storage;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.Storage;

namespace ProductStore.Orders.Apis;

/// <summary>A shopper's own orders: check out, list, read, cancel.</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orders")
            .WithTags("Orders")
            .RequireAuthorization(Roles.User)
            .WithValidation();
        api.MapPost("", CheckOut)
            .WithName("CheckOut")
            .WithSummary("Check out the caller's cart (requires an Idempotency-Key header; a retry returns the same order)")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("", ListMine)
            .WithName("ListMyOrders")
            .WithSummary("The caller's orders, newest first");
        api.MapGet("/{id:guid}", GetOne)
            .WithName("GetOrder")
            .WithSummary("One of the caller's orders");
        api.MapPost("/{id:guid}/cancel", Cancel)
            .WithName("CancelOrder")
            .WithSummary("Cancel an order that is Pending or Paid; its stock returns")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, ProblemHttpResult>> CheckOut(
        [AsParameters] CheckoutHeaders headers, ClaimsPrincipal user, CheckoutSaga saga, CancellationToken cancellationToken)
    {
        var outcome = await saga.CheckOutAsync(user.UserId(), headers.ToKey(), cancellationToken);
        return outcome switch
        {
            CheckoutOutcome.Placed placed => TypedResults.Created($"/api/orders/{placed.Order.Id}", OrderResponse.From(placed.Order)),
            CheckoutOutcome.Repeated repeated => TypedResults.Ok(OrderResponse.From(repeated.Order)),
            CheckoutOutcome.OutOfStock outOfStock => TypedResults.Problem(
                title: "Insufficient stock", statusCode: StatusCodes.Status409Conflict,
                detail: "Some items are not in stock in the quantity asked for; nothing was reserved.",
                extensions: new Dictionary<string, object?> { ["shortItems"] = outOfStock.ShortItems }),
            CheckoutOutcome.EmptyCart => TypedResults.Problem(
                title: "The cart is empty", statusCode: StatusCodes.Status422UnprocessableEntity, detail: "Add products to the cart before checking out."),
            CheckoutOutcome.KeyReused => TypedResults.Problem(
                title: "Idempotency-Key already used", statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: "This Idempotency-Key was used for a checkout of a different cart; use a new key for a new checkout."),
            CheckoutOutcome.StillInProgress => TypedResults.Problem(
                title: "Checkout in progress", statusCode: StatusCodes.Status409Conflict,
                detail: "A checkout with this Idempotency-Key is still running; retry shortly with the same key."),
            CheckoutOutcome.CartBusy => TypedResults.Problem(
                title: "Checkout in progress", statusCode: StatusCodes.Status409Conflict,
                detail: "Another checkout of this cart, under another Idempotency-Key, is running; only one can order it. Look at your orders before retrying."),
            CheckoutOutcome.Refused refused => TypedResults.Problem(
                title: "Checkout refused", statusCode: StatusCodes.Status409Conflict, detail: refused.Detail),
            _ => throw new InvalidOperationException($"Unhandled checkout outcome {outcome}."),
        };
    }

    public static async Task<Ok<Page<OrderResponse>>> ListMine(
        [AsParameters] PageQuery page, ClaimsPrincipal user, IOrderStore orders, CancellationToken cancellationToken)
    {
        var found = await orders.ListByUserAsync(user.UserId(), page.Cursor, page.Size, cancellationToken);
        return TypedResults.Ok(found.Map(OrderResponse.From));
    }

    /// <summary>Someone else's order is a 404, not a 403: its existence is not the caller's business. Admins see any.</summary>
    public static async Task<Results<Ok<OrderResponse>, NotFound>> GetOne(
        Guid id, ClaimsPrincipal user, IOrderStore orders, CancellationToken cancellationToken) =>
        await orders.FindAsync(id, cancellationToken) is { } order && CanSee(user, order)
            ? TypedResults.Ok(OrderResponse.From(order))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<OrderResponse>, NotFound, ProblemHttpResult>> Cancel(
        Guid id, ClaimsPrincipal user, IOrderStore orders, OrderTransitions transitions, CancellationToken cancellationToken)
    {
        if (await orders.FindAsync(id, cancellationToken) is not { } order || order.UserId != user.UserId()) return TypedResults.NotFound();
        return await OrderStatusChanges.ApplyAsync(transitions, id, OrderStatus.Cancelled, $"user:{user.UserId()}", cancellationToken);
    }

    private static bool CanSee(ClaimsPrincipal user, Order order) => order.UserId == user.UserId() || user.IsInRole(Roles.Admin);
}
