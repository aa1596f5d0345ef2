using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.Orders.Apis;
using ProductStore.Orders.Progress;
using ProductStore.Orders.Storage;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.Storage;

namespace ProductStore.Orders.Apis;

/// <summary>Every order, for admins: list by status, move along the status machine.</summary>
public static class AdminOrdersApi
{
    public static IEndpointRouteBuilder MapAdminOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orders")
            .WithTags("Orders (admin)")
            .RequireAuthorization(Roles.Admin)
            .WithValidation();
        api.MapGet("/all", ListAll)
            .WithName("ListAllOrders")
            .WithSummary("All orders, newest first, optionally of one status");
        api.MapPut("/{id:guid}/status", ChangeStatus)
            .WithName("ChangeOrderStatus")
            .WithSummary("Move an order to another status (legal transitions only)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<Page<OrderResponse>>> ListAll([AsParameters] AllOrdersQuery query, IOrderStore orders, CancellationToken cancellationToken)
    {
        var found = await orders.ListAsync(query.Filter, query.Page.Cursor, query.Page.Size, cancellationToken);
        return TypedResults.Ok(found.Map(OrderResponse.From));
    }

    public static Task<Results<Ok<OrderResponse>, NotFound, ProblemHttpResult>> ChangeStatus(
        Guid id, ChangeStatusRequest request, ClaimsPrincipal user, OrderTransitions transitions, CancellationToken cancellationToken) =>
        OrderStatusChanges.ApplyAsync(transitions, id, request.Target, $"admin:{user.UserId()}", cancellationToken);
}
