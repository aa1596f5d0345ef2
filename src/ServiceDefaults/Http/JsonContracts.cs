using System.Text.Json.Serialization.Metadata;

namespace ProductStore.ServiceDefaults.Http;

public static class JsonContracts
{
    /// <summary>The service's source-generated JSON contracts, consulted before reflection for every body it reads and writes.</summary>
    public static IServiceCollection AddJsonContracts(this IServiceCollection services, IJsonTypeInfoResolver contracts) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, contracts));
}
