namespace ProductStore.AppHost.Hosting;

public static class PublicAddress
{
    /// <summary>
    /// A process behind the gateway believes the X-Forwarded-* headers the gateway sends (<c>&lt;Name&gt;__KnownProxies</c>):
    /// Users names the gateway's public host in its discovery document, the storefront learns the shopper's address. Run
    /// mode believes them from loopback, where the gateway runs (and where every service listens anyway). Deployments set
    /// <c>Users__PublicBaseUrl</c>; the storefront believes the gateway by the secret they share (<see cref="TrustingTheStorefront"/>).
    /// </summary>
    public static IResourceBuilder<ServiceProjectResource> BehindTheGateway(this IResourceBuilder<ServiceProjectResource> service) =>
        service.ApplicationBuilder.ExecutionContext.IsRunMode ? service.WithEnvironment($"{SettingsSection(service)}__KnownProxies__0", "127.0.0.1") : service;

    /// <summary>
    /// The gateway believes the shopper's address the storefront forwards with each API call, so its per-client rate
    /// limits give every shopper a bucket instead of one for the whole storefront, and the storefront believes the address
    /// the gateway forwards with each page. Run mode: by address (loopback). Deployments, where container and pod addresses
    /// change, by a secret the two alone share (<c>&lt;Name&gt;__ProxySecret</c>), sent with every request between them.
    /// </summary>
    public static IResourceBuilder<ServiceProjectResource> TrustingTheStorefront(
        this IResourceBuilder<ServiceProjectResource> gateway, IResourceBuilder<ServiceProjectResource> storefront)
    {
        var builder = gateway.ApplicationBuilder;
        if (builder.ExecutionContext.IsRunMode) return gateway.WithEnvironment("Gateway__KnownProxies__0", "127.0.0.1");
        var secret = builder.AddParameter("proxy-secret", secret: true)
            .WithDescription("vouches for the shopper addresses the gateway and the storefront forward each other: at least 32 characters");
        storefront.WithEnvironment($"{SettingsSection(storefront)}__ProxySecret", secret);
        return gateway.WithEnvironment($"{SettingsSection(gateway)}__ProxySecret", secret);
    }

    private static string SettingsSection(IResourceBuilder<ServiceProjectResource> service) =>
        char.ToUpperInvariant(service.Resource.Name[0]) + service.Resource.Name[1..];
}
