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
        api.MapGet("/{id:guid}", Get).WithName("GetProduct");
        api.MapPost("", Create).RequireAuthorization(Roles.Admin).WithName("CreateProduct");
        api.MapPut("/{id:guid}", Update).RequireAuthorization(Roles.Admin).WithName("UpdateProduct");
        api.MapDelete("/{id:guid}", Delete).RequireAuthorization(Roles.Admin).WithName("DeleteProduct");
        return app;
    }

    public static async Task<Ok<Page<ProductResponse>>> List([AsParameters] ProductListQuery query, ICatalogStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(query, cancellationToken)).Map(ProductResponse.From));

    public static async Task<Ok<ProductResponse[]>> Lookup([AsParameters] LookupQuery query, ICatalogStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.FindManyAsync(query.Parsed, cancellationToken)).Select(ProductResponse.From).ToArray());

    public static async Task<Results<Ok<ProductResponse>, NotFound>> Get(Guid id, ICatalogStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } product ? TypedResults.Ok(ProductResponse.From(product)) : TypedResults.NotFound();

    public static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ProductRequest request, ICatalogStore store, CatalogMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await store.FindCategoryAsync(request.Category!, cancellationToken) is null) return UnknownCategory(request);
        var now = time.GetUtcNow();
        var product = request.ToProduct(Guid.CreateVersion7(), now, now);
        if (await store.AddAsync(product, cancellationToken) == SaveProductResult.SkuTaken) return SkuTaken(product);
        metrics.ProductCreated();
        return TypedResults.Created($"/api/catalog/products/{product.Id}", ProductResponse.From(product));
    }

    public static async Task<Results<Ok<ProductResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ProductRequest request, ICatalogStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } existing) return TypedResults.NotFound();
        if (await store.FindCategoryAsync(request.Category!, cancellationToken) is null) return UnknownCategory(request);
        var product = request.ToProduct(id, existing.CreatedAt, time.GetUtcNow());
        return await store.UpdateAsync(product, cancellationToken) switch
        {
            SaveProductResult.Saved => TypedResults.Ok(ProductResponse.From(product)),
            SaveProductResult.SkuTaken => SkuTaken(product),
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<NoContent, NotFound>> Delete(Guid id, ICatalogStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static ValidationProblem UnknownCategory(ProductRequest request) =>
        ValidationErrors.For("category", $"There is no category '{request.Category}'.").ToProblem();

    private static ProblemHttpResult SkuTaken(Product product) =>
        TypedResults.Problem(title: "SKU taken", statusCode: StatusCodes.Status409Conflict, detail: $"Another product has the SKU '{product.Sku}'.");
}
