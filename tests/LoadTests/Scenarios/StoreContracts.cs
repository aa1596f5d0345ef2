using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProductStore.LoadTests.Scenarios;

// The slices of the gateway's contracts (see contracts.md) the scenarios read and send; unknown fields are ignored.

public sealed record ProductDto(Guid Id, string Sku, string Name, string? Description, string Category, decimal Price, string Currency, int Stock, string? ImageUrl);

public sealed record ProductPage(IReadOnlyList<ProductDto> Items, string? NextCursor);

/// <summary>PUT /api/catalog/products/{id}: every field but the stock, which only a stock adjustment changes.</summary>
public sealed record ProductEditRequest(string Sku, string Name, string? Description, string Category, decimal Price, string Currency, string? ImageUrl);

public sealed record StockAdjustmentRequest(int Change);

public sealed record RegisterRequest(string Email, string Password, string DisplayName);

public sealed record LoginRequest(string Email, string Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

public sealed record CartItemRequest(int Quantity);

public sealed record OrderDto(Guid Id, string Status);

public sealed record ProblemTitle(string? Title);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProductDto))]
[JsonSerializable(typeof(ProductPage))]
[JsonSerializable(typeof(ProductEditRequest))]
[JsonSerializable(typeof(StockAdjustmentRequest))]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(CartItemRequest))]
[JsonSerializable(typeof(OrderDto))]
[JsonSerializable(typeof(ProblemTitle))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
