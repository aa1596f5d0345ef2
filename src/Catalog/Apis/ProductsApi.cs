using Microsoft.AspNetCore.Http.HttpResults;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Storage;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.Storage;

namespace ProductStore.Catalog.Apis;

/// <summary>Products: public browsing and lookup; admins create, update and delete.</summary>
public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog/products")
            .WithTags("Products")
            .WithValidation();
        api.MapGet("", List)
            .WithName("ListProducts")
            .WithSummary("Filter (category, q, minPrice, maxPrice, inStock), sort (price, -price, name, newest), page by cursor");
        api.MapGet("/lookup", Lookup)
            .WithName("LookupProducts")
            .WithSummary("Up to 100 products by id in one call");
        api.MapGet("/{id:guid}", Get)
            .WithName("GetProduct")
            .WithSummary("One product");
        api.MapPost("", Create)
            .RequireAuthorization(Roles.Admin)
            .WithName("CreateProduct")
            .WithSummary("Add a product (admin)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/{id:guid}", Update)
            .RequireAuthorization(Roles.Admin)
            .WithName("UpdateProduct")
            .WithSummary("Replace a product's fields but its stock (admin); If-Match with the ETag read is required")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        api.MapDelete("/{id:guid}", Delete)
            .RequireAuthorization(Roles.Admin)
            .WithName("DeleteProduct")
            .WithSummary("Delete a product (admin)");
        return app;
    }

    public static async Task<Ok<Page<ProductResponse>>> List([AsParameters] ProductListQuery query, ICatalogStore store, CancellationToken cancellationToken)
    {
        var listing = query.ToListing();
        var page = string.IsNullOrEmpty(query.Category)
            ? await store.ListAllAsync(listing, cancellationToken)
            : await store.ListByCategoryAsync(query.Category, listing, cancellationToken);
        return TypedResults.Ok(page.Map(ProductResponse.From));
    }

    public static async Task<Ok<ProductResponse[]>> Lookup([AsParameters] LookupQuery query, ICatalogStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.FindManyAsync(query.Parsed, cancellationToken)).Select(ProductResponse.From).ToArray());

    public static async Task<Results<Ok<ProductResponse>, NotFound>> Get(Guid id, ICatalogStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } product) return TypedResults.NotFound();
        response.Headers.ETag = ProductVersion.ETag(product);
        return TypedResults.Ok(ProductResponse.From(product));
    }

    public static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ProductRequest request, ICatalogStore store, CatalogMetrics metrics, TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        switch (await store.AddAsync(request.ToProduct(Guid.CreateVersion7(), time.GetStoredNow()), cancellationToken))
        {
            case SaveProductOutcome.Saved { Product: var product }:
                metrics.ProductCreated();
                response.Headers.ETag = ProductVersion.ETag(product);
                return TypedResults.Created($"/api/catalog/products/{product.Id}", ProductResponse.From(product));
            case SaveProductOutcome.SkuTaken:
                return SkuTaken(request.Sku);
            default:
                return UnknownCategory(request.Category);
        }
    }

    /// <summary>Optimistic concurrency: the edit applies only to the version the caller read (its ETag in If-Match).</summary>
    public static async Task<Results<Ok<ProductResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ProductEditRequest request, [FromHeader(Name = "If-Match"), Required] string? ifMatch, ICatalogStore store, TimeProvider time,
        HttpResponse response, CancellationToken cancellationToken)
    {
        if (!IfMatch.NamesATag(ifMatch))
            return TypedResults.Problem(title: "If-Match required", statusCode: StatusCodes.Status428PreconditionRequired,
                detail: "Send the ETag of the product as you read it (GET) in an If-Match header, so your edit cannot overwrite someone else's.");
        var current = await store.FindAsync(id, cancellationToken);
        if (current is null) return TypedResults.NotFound();
        if (!IfMatch.Matches(ifMatch, ProductVersion.ETag(current))) return Stale(current, response);
        switch (await store.UpdateAsync(request.ToProduct(id, time.GetStoredNow()), ProductVersion.Of(current), cancellationToken))
        {
            case SaveProductOutcome.Saved saved:
                response.Headers.ETag = ProductVersion.ETag(saved.Product);
                return TypedResults.Ok(ProductResponse.From(saved.Product));
            case SaveProductOutcome.Stale stale:
                return Stale(stale.Current, response);
            case SaveProductOutcome.SkuTaken:
                return SkuTaken(request.Sku);
            case SaveProductOutcome.UnknownCategory:
                return UnknownCategory(request.Category);
            default:
                return TypedResults.NotFound();
        }
    }

    private static ProblemHttpResult Stale(Product current, HttpResponse response)
    {
        response.Headers.ETag = ProductVersion.ETag(current);
        return TypedResults.Problem(title: "Product changed", statusCode: StatusCodes.Status412PreconditionFailed,
            detail: "The product was changed since you read it. Read it again (the current ETag is in this response) and reapply your edit.");
    }

    public static async Task<Results<NoContent, NotFound>> Delete(Guid id, ICatalogStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static ValidationProblem UnknownCategory(string? category) =>
        ValidationErrors.For("category", $"There is no category '{category}'.").ToProblem();

    private static ProblemHttpResult SkuTaken(string? sku) =>
        TypedResults.Problem(title: "SKU taken", statusCode: StatusCodes.Status409Conflict, detail: $"Another product has the SKU '{sku}'.");
}
