using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using ProductStore.ServiceDefaults.Files;

namespace ProductStore.Storefront.Session;

public static class SessionKeys
{
    public const string ApplicationName = "productstore-storefront";

    /// <summary>
    /// Data Protection's key ring seals the session and guest-cart cookies and the antiforgery tokens, so a restart keeps
    /// every shopper signed in and every rendered form valid. Deployments derive it from Storefront:KeyRingSecret, the
    /// same on every replica (<see cref="SecretKeyRing"/>); otherwise it is kept in Storefront:KeyRingDirectory (default:
    /// storefront-keys in Storage:DataDirectory), a 0700 folder.
    /// </summary>
    public static IServiceCollection AddSessionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (configuration["Storefront:KeyRingSecret"] is { Length: > 0 } secret)
        {
            var keyRing = new SecretKeyRing(secret);
            dataProtection.DisableAutomaticKeyGeneration();
            services.Configure<KeyManagementOptions>(keys => keys.XmlRepository = keyRing);
            return services;
        }
        var folder = KeyRingDirectory(configuration);
        PrivateFiles.CreateFolder(folder);
        dataProtection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        return services;
    }

    public static string KeyRingDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Storefront:KeyRingDirectory"]
            ?? Path.Combine(configuration["Storage:DataDirectory"] ?? ".data", "storefront-keys"));
}
