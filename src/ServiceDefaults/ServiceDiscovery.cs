namespace ProductStore.ServiceDefaults;

public static class ServiceDiscovery
{
    /// <summary>
    /// The base address of another service from Aspire's convention, services__{name}__http__0
    /// (configuration key services:{name}:http:0), or null when it is not configured.
    /// </summary>
    public static Uri? GetServiceUri(this IConfiguration configuration, string service) =>
        configuration[$"services:{service}:http:0"] is { Length: > 0 } url
            ? new Uri(url.EndsWith('/') ? url : url + "/")
            : null;

    public static Uri GetRequiredServiceUri(this IConfiguration configuration, string service) =>
        configuration.GetServiceUri(service)
        ?? throw new InvalidOperationException(
            $"The address of the '{service}' service is not configured: set services__{service}__http__0.");
}
