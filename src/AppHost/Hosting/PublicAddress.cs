namespace ProductStore.AppHost.Hosting;

public static class PublicAddress
{
    /// <summary>
    /// A process behind the gateway believes the X-Forwarded-* headers the gateway sends (<c>&lt;Name&gt;__KnownProxies</c>):
    /// Users names the gateway's public host in its discovery document, the storefront learns the shopper's address. Run
    /// mode believes them from loopback, where the gateway runs (and where every service listens anyway). Deployments set
    /// <c>Users__PublicBaseUrl</c>, and the storefront sees the gateway's own address.
    /// </summary>
    public static IResourceBuilder<ServiceProjectResource> BehindTheGateway(this IResourceBuilder<ServiceProjectResource> service) =>
        service.ApplicationBuilder.ExecutionContext.IsRunMode ? service.WithEnvironment($"{SettingsSection(service)}__KnownProxies__0", "127.0.0.1") : service;

    /// <summary>
    /// The gateway believes the shopper's address the storefront forwards with each API call, so its per-client rate
    /// limits give every shopper a bucket instead of one for the whole storefront; from the storefront's address only
    /// (run mode: loopback).
    /// </summary>
    public static IResourceBuilder<ServiceProjectResource> TrustingTheStorefront(this IResourceBuilder<ServiceProjectResource> gateway) =>
        gateway.ApplicationBuilder.ExecutionContext.IsRunMode ? gateway.WithEnvironment("Gateway__KnownProxies__0", "127.0.0.1") : gateway;

    private static string SettingsSection(IResourceBuilder<ServiceProjectResource> service) =>
        char.ToUpperInvariant(service.Resource.Name[0]) + service.Resource.Name[1..];
}
