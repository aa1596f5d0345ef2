namespace ProductStore.AppHost.Hosting;

public static class PublicAddress
{
    /// <summary>
    /// Users names the gateway's public host in its discovery document when the gateway relays the request: run mode
    /// believes the forwarded host from loopback, where the gateway runs. Deployments set <c>Users__PublicBaseUrl</c>.
    /// </summary>
    public static IResourceBuilder<ServiceProjectResource> BehindTheGateway(this IResourceBuilder<ServiceProjectResource> users) =>
        users.ApplicationBuilder.ExecutionContext.IsRunMode ? users.WithEnvironment("Users__KnownProxies__0", "127.0.0.1") : users;
}
