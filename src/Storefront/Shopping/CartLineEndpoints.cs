using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.Storefront.Api;

namespace ProductStore.Storefront.Shopping;

/// <summary>The quantity a stepper asks for; 1 to 99, as the Cart API takes it.</summary>
public sealed record QuantityChange(int? Quantity) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.When(!ShoppingCart.IsValidQuantity(Quantity), "quantity", ShoppingCart.QuantityRule);
}

public static class CartLineEndpoints
{
    public const string Path = "/cart/lines";

    /// <summary>
    /// Where the cart page's stepper sends its changes from the browser (CartTable on a circuit): a circuit can write
    /// neither the guest cart's cookie nor the session cookie whose tokens rotate, a request from the browser can.
    /// Each call carries the page's antiforgery token in the RequestVerificationToken header.
    /// </summary>
    public static WebApplication MapCartLines(this WebApplication app)
    {
        var lines = app.MapGroup(Path)
            .AddEndpointFilter(async (context, next) =>
                await context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context.HttpContext)
                    ? await next(context)
                    : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This page has expired",
                        detail: "Reload the page and try again."))
            .WithValidation();
        lines.MapPut("/{productId:guid}", SetQuantity)
            .WithName("SetCartLineQuantity")
            .WithSummary("Set the quantity of a line in the shopper's cart (1-99) and answer the cart");
        lines.MapDelete("/{productId:guid}", Remove)
            .WithName("RemoveCartLine")
            .WithSummary("Take a line out of the shopper's cart and answer the cart");
        return app;
    }

    public static async Task<Results<Ok<CartView>, ProblemHttpResult>> SetQuantity(
        Guid productId, QuantityChange change, HttpContext context, ShoppingCart cart, CancellationToken cancellationToken) =>
        Answer(await cart.SetQuantityAsync(context, productId, change.Quantity!.Value, cancellationToken));

    public static async Task<Results<Ok<CartView>, ProblemHttpResult>> Remove(
        Guid productId, HttpContext context, ShoppingCart cart, CancellationToken cancellationToken) =>
        Answer(await cart.RemoveAsync(context, productId, cancellationToken));

    /// <summary>The cart as it is now, or the problem passed on with its status, title, detail and any field errors.</summary>
    private static Results<Ok<CartView>, ProblemHttpResult> Answer(ApiResult<CartView> result)
    {
        if (result.Value is { } view) return TypedResults.Ok(view);
        var problem = result.Problem!;
        var details = problem.Errors.Count > 0 ? new HttpValidationProblemDetails(problem.Errors.ToDictionary()) : new ProblemDetails();
        (details.Status, details.Title, details.Detail) = (problem.Status, problem.Title, problem.Detail);
        return TypedResults.Problem(details);
    }
}
