using System.Text.Json;
using System.Text.Json.Serialization;
using ProductStore.Orders.Clients;
using ProductStore.Orders.Apis;
using ProductStore.Storage;

namespace ProductStore.Orders;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderResponse))]
[JsonSerializable(typeof(Page<OrderResponse>))]
[JsonSerializable(typeof(ChangeStatusRequest))]
[JsonSerializable(typeof(CartSnapshot))]
[JsonSerializable(typeof(RemoveOrderedRequest))]
[JsonSerializable(typeof(ReservationRequest))]
[JsonSerializable(typeof(Reservation))]
[JsonSerializable(typeof(ReservationProblem))]
[JsonSerializable(typeof(IReadOnlyList<ShortItem>))]
public sealed partial class OrdersJsonContext : JsonSerializerContext;
