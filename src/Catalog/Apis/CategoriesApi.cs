using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Storage;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Validation;

namespace ProductStore.Catalog.Apis;

/// <summary>Categories: anyone lists them; admins create, rename and delete empty ones.</summary>
public static class CategoriesApi
{
    public static IEndpointRouteBuilder MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog/categories")
            .WithTags("Categories")
            .WithValidation();
        api.MapGet("", List)
            .WithName("ListCategories")
            .WithSummary("All categories");
        api.MapPost("", Create)
            .RequireAuthorization(Roles.Admin)
            .WithName("CreateCategory")
            .WithSummary("Add a category (admin)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/{slug}", Rename)
            .RequireAuthorization(Roles.Admin)
            .WithName("RenameCategory")
            .WithSummary("Rename a category (admin)");
        api.MapDelete("/{slug}", Delete)
            .RequireAuthorization(Roles.Admin)
            .WithName("DeleteCategory")
            .WithSummary("Delete a category without products (admin)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<CategoryResponse[]>> List(ICatalogStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListCategoriesAsync(cancellationToken)).Select(CategoryResponse.From).ToArray());

    public static async Task<Results<Created<CategoryResponse>, ProblemHttpResult>> Create(CategoryRequest request, ICatalogStore store, CancellationToken cancellationToken)
    {
        var category = request.ToCategory(Guid.CreateVersion7());
        return await store.TryAddCategoryAsync(category, cancellationToken)
            ? TypedResults.Created($"/api/catalog/categories/{category.Slug}", CategoryResponse.From(category))
            : TypedResults.Problem(title: "Category exists", statusCode: StatusCodes.Status409Conflict, detail: $"A category '{category.Slug}' exists already.");
    }

    public static async Task<Results<Ok<CategoryResponse>, NotFound>> Rename(string slug, RenameCategoryRequest request, ICatalogStore store, CancellationToken cancellationToken) =>
        await store.RenameCategoryAsync(slug, request.ToName(), cancellationToken) is { } category
            ? TypedResults.Ok(CategoryResponse.From(category))
            : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(string slug, ICatalogStore store, CancellationToken cancellationToken) =>
        await store.DeleteCategoryAsync(slug, cancellationToken) switch
        {
            DeleteCategoryResult.Deleted => TypedResults.NoContent(),
            DeleteCategoryResult.NotEmpty => TypedResults.Problem(title: "Category not empty", statusCode: StatusCodes.Status409Conflict,
                detail: "Move or delete the category's products first."),
            _ => TypedResults.NotFound(),
        };
}
