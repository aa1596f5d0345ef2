using System.Text.Json;
using System.Text.Json.Serialization;
using ProductStore.Cart.Apis;
using ProductStore.Cart.Clients;

namespace ProductStore.Cart;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CartResponse))]
[JsonSerializable(typeof(SetQuantityRequest))]
[JsonSerializable(typeof(CartSnapshot))]
[JsonSerializable(typeof(RemoveOrderedRequest))]
[JsonSerializable(typeof(CatalogProduct[]))]
public sealed partial class CartJsonContext : JsonSerializerContext;
