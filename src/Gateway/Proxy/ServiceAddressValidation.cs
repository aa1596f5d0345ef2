using Microsoft.Extensions.Options;

namespace ProductStore.Gateway.Proxy;

/// <summary>
/// Destinations name services (http://catalog) for service discovery to resolve from services__catalog__http__0. A
/// name without an address would pass through as a host name and fail every request; it fails startup instead,
/// naming the variable to set.
/// </summary>
public sealed class ServiceAddressValidation(IConfiguration configuration) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var missing = configuration.GetSection("ReverseProxy:Clusters").GetChildren()
            .SelectMany(cluster => cluster.GetSection("Destinations").GetChildren())
            .Select(destination => new Uri(destination["Address"] ?? ""))
            .Where(service => configuration[$"services:{service.Host}:{service.Scheme}:0"] is not { Length: > 0 })
            .Select(service => $"The address of the '{service.Host}' service is not configured: set services__{service.Host}__{service.Scheme}__0.")
            .ToArray();
        return missing.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
