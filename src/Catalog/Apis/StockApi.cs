using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Storage;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.Storage;

namespace ProductStore.Catalog.Apis;

/// <summary>Internal, for Orders (service token only): reserve an order's stock all-or-nothing, release it.</summary>
public static class StockApi
{
    public static IEndpointRouteBuilder MapStockApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/stock/reservations")
            .WithTags("Internal")
            .RequireAuthorization(Roles.Service)
            .WithValidation();
        api.MapPost("", Reserve)
            .WithName("ReserveStock")
            .WithSummary("Reserve every item of an order or none; idempotent by order id");
        api.MapDelete("/{orderId:guid}", Release)
            .WithName("ReleaseStock")
            .WithSummary("Return a reservation's stock; idempotent");
        return app;
    }

    public static async Task<Results<Ok<Reservation>, ProblemHttpResult>> Reserve(
        ReservationRequest request, IStockStore stock, CatalogMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var outcome = await stock.ReserveAsync(request.OrderId, request.ToItems(), time.GetStoredNow(), cancellationToken);
        metrics.Reservation(outcome);
        return outcome switch
        {
            ReservationOutcome.Reserved reserved => TypedResults.Ok(reserved.Reservation),
            ReservationOutcome.Refused refused => TypedResults.Problem(title: "Insufficient stock", statusCode: StatusCodes.Status409Conflict,
                detail: "Some items are not in stock in the quantity asked for; nothing was reserved.",
                extensions: new Dictionary<string, object?> { ["shortItems"] = refused.ShortItems }),
            _ => TypedResults.Problem(title: "Reservation conflict", statusCode: StatusCodes.Status409Conflict,
                detail: "This order id has a reservation with other items, or was released before it reserved any."),
        };
    }

    public static async Task<NoContent> Release(Guid orderId, IStockStore stock, TimeProvider time, CancellationToken cancellationToken)
    {
        await stock.ReleaseAsync(orderId, time.GetStoredNow(), cancellationToken);
        return TypedResults.NoContent();
    }
}
