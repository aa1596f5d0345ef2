using System.Net.Http.Json;
using ProductStore.ServiceDefaults.Http;
using ProductStore.ServiceDefaults.Problems;

namespace ProductStore.Cart.Clients;

/// <summary>What Cart needs from Catalog: current name, price, currency and stock of products.</summary>
public sealed record CatalogProduct(Guid Id, string Name, decimal Price, string Currency, int Stock);

/// <summary>Catalog's public lookup: all products of a cart in one call, never one call per line.</summary>
public sealed class CatalogClient(HttpClient http)
{
    public async Task<IReadOnlyDictionary<Guid, CatalogProduct>> LookupAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return new Dictionary<Guid, CatalogProduct>();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/catalog/products/lookup?ids=" + string.Join(',', ids));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureAnswered("Catalog", "to a product lookup");
        var products = await response.Content.ReadFromJsonAsync(CartJsonContext.Default.CatalogProductArray, cancellationToken)
            ?? throw new DependencyUnavailableException("Catalog answered a product lookup with an empty body.");
        return products.ToDictionary(p => p.Id);
    }
}
