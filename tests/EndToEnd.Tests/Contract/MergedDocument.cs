using System.Text.Json.Nodes;

namespace ProductStore.EndToEnd.Tests.Contract;

/// <summary>
/// The four services' documents as one, for a validating proxy that reads one document: their paths are disjoint and a
/// component two of them share must be the same, or the merge fails rather than pick one.
/// </summary>
public static class MergedDocument
{
    public static readonly string[] Services = ["catalog", "cart", "orders", "users"];

    /// <summary>Fetches /openapi/{service}.json from the gateway for every service and merges them.</summary>
    public static async Task<JsonObject> FetchAsync(Uri gateway)
    {
        using var client = new HttpClient { BaseAddress = gateway };
        var documents = new List<JsonObject>();
        foreach (var service in Services) documents.Add(JsonNode.Parse(await client.GetStringAsync($"/openapi/{service}.json"))!.AsObject());
        return Merge(documents);
    }

    public static JsonObject Merge(IReadOnlyList<JsonObject> documents)
    {
        var merged = (JsonObject)documents[0].DeepClone();
        merged["info"]!["title"] = "ProductStore: " + string.Join(", ", Services);
        foreach (var document in documents.Skip(1))
        {
            AddAll(merged["paths"]!.AsObject(), document["paths"]!.AsObject(), "path");
            foreach (var (kind, components) in document["components"]?.AsObject() ?? [])
            {
                merged["components"]![kind] ??= new JsonObject();
                AddAll(merged["components"]![kind]!.AsObject(), components!.AsObject(), kind);
            }
            var tags = merged["tags"]!.AsArray();
            foreach (var tag in document["tags"]?.AsArray() ?? [])
            {
                if (!tags.Any(t => (string?)t!["name"] == (string?)tag!["name"])) tags.Add(tag!.DeepClone());
            }
        }
        return merged;
    }

    private static void AddAll(JsonObject into, JsonObject from, string kind)
    {
        foreach (var (name, value) in from)
        {
            if (into[name] is { } existing)
            {
                if (!JsonNode.DeepEquals(existing, value)) throw new InvalidOperationException($"Two documents define the {kind} {name} differently.");
                continue;
            }
            into[name] = value!.DeepClone();
        }
    }
}
