namespace ProductStore.AppHost.Model;

/// <summary>
/// The Aspire-style variables a service gets from the topology: its name, where its references live,
/// its credentials. Run mode and the publishers differ only in addresses and secrets, which they pass in.
/// </summary>
public static class ServiceEnvironment
{
    public static SortedDictionary<string, string> For(
        Resource resource,
        AppModel model,
        Func<Resource, string> endpointOf,
        Func<Resource, string> clientSecretOf)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_SERVICE_NAME"] = resource.Name,
        };
        foreach (var reference in resource.References)
            environment[$"services__{reference}__http__0"] = endpointOf(model[reference]);
        if (resource.UsesServiceToken)
        {
            environment["ServiceAuth__ClientId"] = resource.Name;
            environment["ServiceAuth__ClientSecret"] = clientSecretOf(resource);
        }
        if (resource.IssuesTokens)
        {
            foreach (var client in model.Projects.Where(p => p.UsesServiceToken))
                environment[$"Users__ServiceClients__{client.Name}"] = clientSecretOf(client);
        }
        foreach (var (name, value) in resource.Environment) environment[name] = value;
        return environment;
    }
}
