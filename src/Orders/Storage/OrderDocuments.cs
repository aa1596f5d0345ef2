using System.Text.Json;
using System.Text.Json.Serialization;
using ProductStore.Orders.Domain;

namespace ProductStore.Orders.Storage;

/// <summary>An order's lines and history as stored JSON (the same documents a Cassandra row would hold).</summary>
public static class OrderDocuments
{
    public static string Lines(IReadOnlyList<OrderLine> lines) => JsonSerializer.Serialize(lines.ToArray(), OrderDocumentsJsonContext.Default.OrderLineArray);
    public static string History(IReadOnlyList<StatusChange> history) => JsonSerializer.Serialize(history.ToArray(), OrderDocumentsJsonContext.Default.StatusChangeArray);
    public static OrderLine[] ReadLines(string json) => JsonSerializer.Deserialize(json, OrderDocumentsJsonContext.Default.OrderLineArray) ?? [];
    public static StatusChange[] ReadHistory(string json) => JsonSerializer.Deserialize(json, OrderDocumentsJsonContext.Default.StatusChangeArray) ?? [];
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, IgnoreReadOnlyProperties = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderLine[]))]
[JsonSerializable(typeof(StatusChange[]))]
internal sealed partial class OrderDocumentsJsonContext : JsonSerializerContext;
