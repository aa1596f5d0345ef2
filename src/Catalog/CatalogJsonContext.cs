using System.Text.Json;
using System.Text.Json.Serialization;
using ProductStore.Catalog.Apis;
using ProductStore.Catalog.Domain;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Catalog;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProductRequest))]
[JsonSerializable(typeof(ProductEditRequest))]
[JsonSerializable(typeof(StockAdjustmentRequest))]
[JsonSerializable(typeof(StockLevelResponse))]
[JsonSerializable(typeof(ProductResponse))]
[JsonSerializable(typeof(ProductResponse[]))]
[JsonSerializable(typeof(Page<ProductResponse>))]
[JsonSerializable(typeof(CategoryRequest))]
[JsonSerializable(typeof(RenameCategoryRequest))]
[JsonSerializable(typeof(CategoryResponse))]
[JsonSerializable(typeof(CategoryResponse[]))]
[JsonSerializable(typeof(ReservationRequest))]
[JsonSerializable(typeof(Reservation))]
[JsonSerializable(typeof(IReadOnlyList<ReservedItem>))]
[JsonSerializable(typeof(IReadOnlyList<ShortItem>))]
public sealed partial class CatalogJsonContext : JsonSerializerContext;
