using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Storage;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Validation;

namespace ProductStore.Catalog.Apis;

/// <summary>Products: public browsing and lookup; admins create, update and delete.</summary>
public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog/products").WithTags("Products").WithValidation();
        api.MapGet("", List).WithName("ListProducts").WithSummary("Filter (category, q, minPrice, maxPrice, inStock), sort (price, -price, name, newest), page by cursor");
        api.MapGet("/lookup", Lookup).WithName("LookupProducts").WithSummary("Up to 100 products by id in one call");
        api.MapGet("/{id:guid}", Get).WithName("GetProduct").WithSummary("One product");
        api.MapPost("", Create).RequireAuthorization(Roles.Admin).WithName("CreateProduct").WithSummary("Add a product (admin)");
        api.MapPut("/{id:guid}", Update).RequireAuthorization(Roles.Admin).WithName("UpdateProduct").WithSummary("Replace a product's fields (admin)");
        api.MapDelete("/{id:guid}", Delete).RequireAuthorization(Roles.Admin).WithName("DeleteProduct").WithSummary("Delete a product (admin)");
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

    public static async Task<Results<Ok<ProductResponse>, NotFound>> Get(Guid id, ICatalogStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } product ? TypedResults.Ok(ProductResponse.From(product)) : TypedResults.NotFound();

    public static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ProductRequest request, ICatalogStore store, CatalogMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        switch (await store.AddAsync(request.ToProduct(Guid.CreateVersion7(), time.GetStoredNow()), cancellationToken))
        {
            case SaveProductOutcome.Saved { Product: var product }:
                metrics.ProductCreated();
                return TypedResults.Created($"/api/catalog/products/{product.Id}", ProductResponse.From(product));
            case SaveProductOutcome.SkuTaken:
                return SkuTaken(request);
            default:
                return UnknownCategory(request);
        }
    }

    public static async Task<Results<Ok<ProductResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ProductRequest request, ICatalogStore store, TimeProvider time, CancellationToken cancellationToken) =>
        await store.UpdateAsync(request.ToProduct(id, time.GetStoredNow()), cancellationToken) switch
        {
            SaveProductOutcome.Saved saved => TypedResults.Ok(ProductResponse.From(saved.Product)),
            SaveProductOutcome.SkuTaken => SkuTaken(request),
            SaveProductOutcome.UnknownCategory => UnknownCategory(request),
            _ => TypedResults.NotFound(),
        };

    public static async Task<Results<NoContent, NotFound>> Delete(Guid id, ICatalogStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static ValidationProblem UnknownCategory(ProductRequest request) =>
        ValidationErrors.For("category", $"There is no category '{request.Category}'.").ToProblem();

    private static ProblemHttpResult SkuTaken(ProductRequest request) =>
        TypedResults.Problem(title: "SKU taken", statusCode: StatusCodes.Status409Conflict, detail: $"Another product has the SKU '{request.Sku}'.");
}
