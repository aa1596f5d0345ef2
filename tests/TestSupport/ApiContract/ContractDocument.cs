using System.Text.Json.Nodes;

namespace ProductStore.TestSupport.ApiContract;

/// <summary>One operation of an OpenAPI document, as the property test reads it.</summary>
public sealed record ContractOperation(string Method, string Path, JsonObject Node)
{
    public IEnumerable<JsonObject> Parameters => (Node["parameters"] as JsonArray ?? []).OfType<JsonObject>();

    public JsonObject? BodySchema => Node["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject;

    /// <summary>Whether a token is needed: some requirement names a scheme (an empty one, {}, admits anyone).</summary>
    public bool IsSecured => Node["security"] is JsonArray requirements && requirements.All(r => r is JsonObject { Count: > 0 });

    public JsonObject Responses => Node["responses"]!.AsObject();

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A service's OpenAPI document, parsed: its operations and its component schemas.</summary>
public sealed class ContractDocument(JsonObject root)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public JsonObject Root { get; } = root;

    public static ContractDocument Parse(string json) => new(JsonNode.Parse(json)!.AsObject());

    public IReadOnlyList<ContractOperation> Operations =>
        Root["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(op => Methods.Contains(op.Key))
                .Select(op => new ContractOperation(op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject())))
            .ToList();

    /// <summary>Follows a local $ref to the component it names.</summary>
    public JsonObject Resolve(JsonObject schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? Resolve(Root["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject())
            : schema;
}
