using System.Text.Json;
using System.Text.Json.Serialization;
using ProductStore.ServiceDefaults.Http;

namespace ProductStore.ServiceDefaults;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ServiceTokenRequest))]
[JsonSerializable(typeof(ServiceTokenResponse))]
internal sealed partial class ServiceDefaultsJsonContext : JsonSerializerContext;
