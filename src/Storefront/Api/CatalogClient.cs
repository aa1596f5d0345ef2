using Microsoft.Extensions.Caching.Memory;
using ProductStore.Storefront.Catalog;

namespace ProductStore.Storefront.Api;

/// <summary>The public catalog: categories, the filtered product listing, one product, a few products by id.</summary>
public sealed class CatalogClient(HttpClient http, IMemoryCache cache, SharedCatalogReads shared)
{
    // Categories change a few times a year and every catalog page shows them: a list up to 30 s old saves a call per page.
    private static readonly TimeSpan CategoriesKept = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(nameof(CategoriesAsync), out IReadOnlyList<Category>? kept) && kept is not null) return kept;
        var read = await ReadAsync<Category[]>("api/catalog/categories", cancellationToken);
        if (read.Value is not { } categories) return [];
        return cache.Set(nameof(CategoriesAsync), (IReadOnlyList<Category>)categories, CategoriesKept);
    }

    public Task<ApiResult<Page<Product>>> ProductsAsync(CatalogQuery query, CancellationToken cancellationToken = default) =>
        shared.ReadAsync(query.ApiPath(), ReadAsync<Page<Product>>, cancellationToken);

    /// <summary>One product and its ETag, which an edit sends back in If-Match.</summary>
    public Task<ApiResult<Product>> ProductAsync(Guid id, CancellationToken cancellationToken = default) =>
        shared.ReadAsync($"api/catalog/products/{id}", ReadAsync<Product>, cancellationToken);

    public async Task<IReadOnlyList<Product>> LookupAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var list = string.Join(',', ids);
        if (list.Length == 0) return [];
        return (await ReadAsync<Product[]>($"api/catalog/products/lookup?ids={list}", cancellationToken)).Value ?? [];
    }

    private async Task<ApiResult<T>> ReadAsync<T>(string path, CancellationToken cancellationToken) =>
        await ApiResult<T>.ReadAsync(await http.GetAsync(path, cancellationToken), cancellationToken);
}
