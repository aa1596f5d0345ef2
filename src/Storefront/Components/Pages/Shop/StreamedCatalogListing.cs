using Microsoft.AspNetCore.Components;

namespace ProductStore.Storefront.Components.Pages.Shop;

/// <summary>The catalog listing, sent first with a placeholder and then with the products when they arrive.</summary>
[StreamRendering]
public sealed class StreamedCatalogListing : CatalogListing;
