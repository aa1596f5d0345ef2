using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.Orders.Apis;
using ProductStore.Orders.Domain;
using ProductStore.Orders.Progress;

namespace ProductStore.Orders.Apis;

/// <summary>A status change asked for over HTTP, by a shopper (cancel) or an admin: an illegal one is a 409.</summary>
public static class OrderStatusChanges
{
    public static async Task<Results<Ok<OrderResponse>, NotFound, ProblemHttpResult>> ApplyAsync(
        OrderTransitions transitions, Guid orderId, OrderStatus target, string by, CancellationToken cancellationToken)
    {
        try
        {
            return await transitions.MoveAsync(orderId, target, by, cancellationToken) is { } moved
                ? TypedResults.Ok(OrderResponse.From(moved))
                : TypedResults.NotFound();
        }
        catch (InvalidTransitionException illegal)
        {
            return TypedResults.Problem(title: "Status change not allowed", detail: illegal.Message, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["currentStatus"] = illegal.From.ToString() });
        }
    }
}
