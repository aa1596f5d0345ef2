using System.Security.Cryptography;

namespace ProductStore.AppHost.Hosting;

public static class Secrets
{
    /// <summary>Variables the AppHost reads for one resource, or that hold a secret: never inherited by every child.</summary>
    private static readonly string[] AppHostInputs =
        ["Users__Admin__", "Users__ServiceClients__", "ServiceAuth__", "Telegram__", "Resources__", "Parameters__"];

    /// <summary>
    /// DCP starts every process with the AppHost's own environment, so an admin password exported in the shell would
    /// reach all five services. The AppHost has read its configuration by now; it forgets these variables and hands
    /// each value only to the resource that needs it.
    /// </summary>
    public static IDistributedApplicationBuilder KeepSecretsFromChildProcesses(this IDistributedApplicationBuilder builder)
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (AppHostInputs.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                Environment.SetEnvironmentVariable(name, null);
        }
        return builder;
    }

    /// <summary>A secret made fresh for every run (service tokens live minutes, so nothing needs it to outlive the processes); a deployment supplies its own.</summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name, string description)
    {
        var value = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        return builder.AddParameter(name, () => value, secret: true).WithDescription(description);
    }

    /// <summary>
    /// Deployments seal Users' token-signing keys with a secret they supply, the same on every replica. Run mode leaves
    /// it out: Users then seals them with ASP.NET Core Data Protection, whose key ring one machine keeps.
    /// </summary>
    public static IResourceBuilder<ServiceProjectResource> WithSigningKeySecret(this IResourceBuilder<ServiceProjectResource> users)
    {
        var builder = users.ApplicationBuilder;
        if (!builder.ExecutionContext.IsPublishMode) return users;
        var secret = builder.AddParameter("users-signing-key-secret", secret: true)
            .WithDescription("seals users' token-signing keys at rest: at least 32 characters, the same on every replica");
        return users.WithEnvironment("Users__SigningKey__EncryptionSecret", secret);
    }

    /// <summary>
    /// Deployments derive the storefront's key ring (sealing sessions, guest carts and forms) from a secret they supply,
    /// the same on every replica, so that any replica opens any shopper's cookies and restarts keep them. Run mode keeps
    /// the ring in the data folder (<see cref="Storage.WithDataDirectory"/>).
    /// </summary>
    public static IResourceBuilder<ServiceProjectResource> WithKeyRingSecret(this IResourceBuilder<ServiceProjectResource> storefront)
    {
        var builder = storefront.ApplicationBuilder;
        if (!builder.ExecutionContext.IsPublishMode) return storefront;
        var secret = builder.AddParameter("storefront-key-ring-secret", secret: true)
            .WithDescription("the storefront's key ring (sessions, guest carts, forms) derives from it: at least 32 characters, the same on every replica; a new one signs every shopper out");
        return storefront.WithEnvironment("Storefront__KeyRingSecret", secret);
    }

    /// <summary>
    /// The first admin account, when the AppHost is given one (<c>Users:Admin:Email</c>, <c>Users:Admin:Password</c>);
    /// otherwise Users creates one with a random password and logs it once.
    /// </summary>
    public static IResourceBuilder<ServiceProjectResource> WithAdminAccount(this IResourceBuilder<ServiceProjectResource> users)
    {
        var builder = users.ApplicationBuilder;
        if (!builder.ExecutionContext.IsRunMode) return users;
        if (builder.Configuration["Users:Admin:Email"] is { Length: > 0 } email) users.WithEnvironment("Users__Admin__Email", email);
        if (builder.Configuration["Users:Admin:Password"] is { Length: > 0 })
        {
            var password = builder.AddParameterFromConfiguration("admin-password", "Users:Admin:Password", secret: true);
            users.WithEnvironment("Users__Admin__Password", password);
        }
        return users;
    }
}
