using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Json.Schema;

namespace ProductStore.TestSupport.ApiContract;

/// <summary>A request the property test sends: who asks (null: anonymous), and what.</summary>
public sealed record Probe(ContractOperation Operation, string? Role, string Path, Dictionary<string, string> Headers, string? Body)
{
    public override string ToString() => $"{Operation.Method} {Path} as {Role ?? "anonymous"} headers={JsonSerializer.Serialize(Headers)} body={Body}";
}

/// <summary>
/// The property-based contract test: for every operation of a document, requests generated from it (valid and
/// invalid inputs, anonymous, customer and admin), each answer checked against the same document: no 5xx, a
/// documented status, a documented content type and a body that matches its schema.
/// </summary>
public sealed class ContractProperty(ContractDocument document, Func<string?, HttpClient> clientFor)
{
    private static readonly string[] Roles = ["customer", "admin"];
    private readonly Dictionary<string, JsonSchema> _schemas = [];

    public int RequestsSent { get; private set; }

    /// <summary>Runs <paramref name="testsPerOperation"/> generated requests against each operation; throws on the first broken one.</summary>
    public void Check(int testsPerOperation)
    {
        foreach (var operation in document.Operations)
        {
            Prop.ForAll(ProbesOf(operation).ToArbitrary(), probe =>
            {
                var failure = SendAndCheck(probe).GetAwaiter().GetResult();
                return failure is null ? true.ToProperty() : false.Label(failure);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(testsPerOperation));
        }
    }

    public Gen<Probe> ProbesOf(ContractOperation operation) =>
        from role in Gen.Elements<string?>([null, .. Roles])
        from valid in Gen.Elements(true, true, false)
        from path in PathOf(operation, valid)
        from query in QueryOf(operation, valid)
        from headers in HeadersOf(operation, valid)
        from body in operation.BodySchema is { } schema ? BodyOf(schema, valid) : Gen.Constant<string?>(null)
        select new Probe(operation, role, path + query, headers, body);

    private Gen<string> PathOf(ContractOperation operation, bool valid)
    {
        var path = Gen.Constant(operation.Path);
        foreach (var parameter in operation.Parameters.Where(p => (string?)p["in"] == "path"))
        {
            var name = (string)parameter["name"]!;
            var schema = parameter["schema"]!.AsObject();
            path = from p in path
                   from value in valid ? ValueOf(schema).Select(v => v.ToJsonString().Trim('"')) : Gen.Elements("not-an-id", " ", "1,5", new string('x', 300))
                   select p.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        return path;
    }

    private Gen<string> QueryOf(ContractOperation operation, bool valid)
    {
        var query = Gen.Constant("");
        foreach (var parameter in operation.Parameters.Where(p => (string?)p["in"] == "query"))
        {
            var name = (string)parameter["name"]!;
            var schema = parameter["schema"]!.AsObject();
            query = from q in query
                    from include in Gen.Elements(true, false)
                    from value in valid ? ValueOf(schema).Select(v => v.ToJsonString().Trim('"')) : Gen.Elements("1,5", "5-", "abc", "-1", "", new string('z', 300), "\u202Ex")
                    select include ? $"{q}{(q.Length == 0 ? "?" : "&")}{name}={Uri.EscapeDataString(value)}" : q;
        }
        return query;
    }

    private Gen<Dictionary<string, string>> HeadersOf(ContractOperation operation, bool valid)
    {
        var headers = Gen.Constant(new Dictionary<string, string>());
        foreach (var parameter in operation.Parameters.Where(p => (string?)p["in"] == "header"))
        {
            var name = (string)parameter["name"]!;
            headers = from h in headers
                      from value in valid ? Gen.Elements(Guid.NewGuid().ToString(), "\"v1\"") : Gen.Elements("", new string('k', 300), "with space")
                      select new Dictionary<string, string>(h) { [name] = value };
        }
        return headers;
    }

    private Gen<string?> BodyOf(JsonObject schema, bool valid) => valid
        ? ValueOf(schema).Select(v => (string?)v.ToJsonString())
        : Gen.Elements<string?>("{", "[]", "\"text\"", "{\"quantity\":\"many\",\"name\":1}", "", "null",
            "{\"name\":\"gnp.\\u202Eexe\",\"displayName\":\"Ada\\u0000\",\"sku\":\"a b\"}");

    /// <summary>A value the schema admits, as far as this generator reads schemas (types, enums, patterns of alternatives, limits).</summary>
    private Gen<JsonNode> ValueOf(JsonObject schema, int depth = 0)
    {
        schema = document.Resolve(schema);
        if (schema["enum"] is JsonArray values) return Gen.Elements(values.Select(v => v!.DeepClone()).ToArray());
        if (schema["oneOf"] is JsonArray options) return ValueOf(options.OfType<JsonObject>().Last(), depth);
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => (string)t!).FirstOrDefault(t => t != "null") ?? "null",
            JsonValue one => (string)one!,
            _ => schema["properties"] is not null ? "object" : "string",
        };
        var min = (double?)schema["minimum"];
        var max = (double?)schema["maximum"];
        switch (type)
        {
            case "integer":
                return Gen.Choose((int)Math.Max(min ?? -5, -5), (int)Math.Min(max ?? 200, 200)).Select(i => (JsonNode)JsonValue.Create(i));
            case "number":
                return Gen.Choose((int)Math.Max(min ?? 0, 0), (int)Math.Min(max ?? 500, 500)).Select(i => (JsonNode)JsonValue.Create(i + 0.25m));
            case "boolean":
                return Gen.Elements(true, false).Select(b => (JsonNode)JsonValue.Create(b));
            case "array":
                return depth > 2 || schema["items"] is not JsonObject items ? Gen.Constant<JsonNode>(new JsonArray())
                    : ValueOf(items, depth + 1).ArrayOf().Select(a => (JsonNode)new JsonArray(a.Take(3).ToArray()));
            case "object":
                var result = Gen.Constant(new JsonObject());
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                {
                    if (depth > 2 || property is not JsonObject propertySchema) continue;
                    result = from o in result
                             from value in ValueOf(propertySchema, depth + 1)
                             select With(o, name, value);
                }
                return result.Select(o => (JsonNode)o);
            default:
                if ((string?)schema["format"] == "uuid") return Gen.Constant(0).Select(_ => (JsonNode)JsonValue.Create(Guid.NewGuid().ToString()));
                if ((string?)schema["pattern"] is { } pattern && Regex.Match(pattern, @"^\^\(([^()]+)\)\$$") is { Success: true } alternatives)
                    return Gen.Elements(alternatives.Groups[1].Value.Split('|')).Select(s => (JsonNode)JsonValue.Create(s));
                var length = (int?)schema["maxLength"] ?? 12;
                var minLength = (int?)schema["minLength"] ?? 0;
                return Gen.Elements("books", "Ann", "a-1", "gadget", "x")
                    .Select(s => (JsonNode)JsonValue.Create(s.PadRight(minLength, 'x')[..Math.Min(Math.Max(s.Length, minLength), Math.Max(length, 1))]));
        }
    }

    private static JsonObject With(JsonObject o, string name, JsonNode value)
    {
        var copy = (JsonObject)o.DeepClone();
        copy[name] = value;
        return copy;
    }

    /// <summary>Sends one probe; returns what broke the contract, or null.</summary>
    public async Task<string?> SendAndCheck(Probe probe)
    {
        using var client = clientFor(probe.Role);
        var request = new HttpRequestMessage(new HttpMethod(probe.Operation.Method), probe.Path);
        foreach (var (name, value) in probe.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (probe.Body is not null) request.Content = new StringContent(probe.Body, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        RequestsSent++;
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500) return $"{probe}: {status} {text}";
        if (probe.Operation.Responses[status] is not JsonObject declared) return $"{probe}: undocumented status {status} {text}";
        if (text.Length == 0) return null;
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (declared["content"]?[mediaType]?["schema"] is not JsonObject schema) return $"{probe}: {status} sent {mediaType}, not documented for it: {text}";
        var result = SchemaOf(schema).Evaluate(JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? null
            : $"{probe}: {status} body does not match its schema: {text} ({string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")))})";
    }

    /// <summary>The document's schema as a standalone JSON Schema 2020-12: its components become $defs.</summary>
    private JsonSchema SchemaOf(JsonObject schema)
    {
        var key = schema.ToJsonString();
        if (_schemas.TryGetValue(key, out var cached)) return cached;
        var standalone = (JsonObject)schema.DeepClone();
        standalone["$defs"] = document.Root["components"]?["schemas"]?.DeepClone();
        var text = standalone.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return _schemas[key] = JsonSchema.FromText(text);
    }
}
