using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Storage;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Validation;

namespace ProductStore.Catalog.Apis;

/// <summary>
/// Admins change stock only by a signed delta, applied atomically to the stock as it is: a delivery adds, a write-off
/// takes, and neither can undo a sale made meanwhile (as writing an absolute number read earlier would).
/// </summary>
public static class StockAdjustmentsApi
{
    public static IEndpointRouteBuilder MapStockAdjustmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/catalog/products/{id:guid}/stock-adjustments", Adjust)
            .WithTags("Products")
            .WithValidation()
            .RequireAuthorization(Roles.Admin)
            .WithName("AdjustStock")
            .WithSummary("Add (positive change) or take (negative) units of a product's stock (admin); never below 0")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<StockLevelResponse>, NotFound, ProblemHttpResult>> Adjust(
        Guid id, StockAdjustmentRequest request, IStockStore stock, CancellationToken cancellationToken) =>
        await stock.AdjustAsync(id, request.ToChange(), cancellationToken) switch
        {
            StockAdjustmentOutcome.Adjusted adjusted => TypedResults.Ok(new StockLevelResponse(id, adjusted.Stock)),
            StockAdjustmentOutcome.OutOfRange refused => TypedResults.Problem(title: "Stock out of range", statusCode: StatusCodes.Status409Conflict,
                detail: $"The stock is {refused.Stock}; a change of {request.Change} would take it below 0 or above {ProductRules.MaxStock:N0}.",
                extensions: new Dictionary<string, object?> { ["stock"] = refused.Stock }),
            _ => TypedResults.NotFound(),
        };
}
