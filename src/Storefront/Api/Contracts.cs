namespace ProductStore.Storefront.Api;

// The JSON the storefront reads from the public API, as its OpenAPI documents describe it; only the fields it shows.

public sealed record Product(
    Guid Id, string Sku, string Name, string Description, string Category, decimal Price, string Currency, int Stock, string ImageUrl);

public sealed record Category(Guid Id, string Slug, string Name);

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record CartItem(
    Guid ProductId, string Name, int Quantity, decimal UnitPrice, decimal PriceWhenAdded, bool PriceChanged, string Currency, decimal LineTotal);

public sealed record ShopperCart(IReadOnlyList<CartItem> Items, decimal Total, string Currency, int ItemCount);

public sealed record Order(
    Guid Id, Guid UserId, string Status, IReadOnlyList<OrderLine> Items, decimal Total, string Currency,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<StatusChange> History);

public sealed record OrderLine(Guid ProductId, string Sku, string Name, int Quantity, decimal UnitPrice, string Currency, decimal LineTotal);

public sealed record StatusChange(string? From, string To, DateTimeOffset At, string By);

public sealed record Account(Guid Id, string Email, string DisplayName, string Role);

public sealed record IssuedTokens(string AccessToken, int ExpiresIn, string RefreshToken);

/// <summary>A product as the back office sends it: create takes the stock, an edit never does (stock moves by adjustments).</summary>
public sealed record ProductFields(
    string? Sku, string? Name, string? Description, string? Category, decimal? Price, string? Currency, int? Stock, string? ImageUrl);

public sealed record ShortItem(Guid ProductId, int Requested, int Available);
