using Microsoft.AspNetCore.DataProtection;
using ProductStore.ServiceDefaults.Files;

namespace ProductStore.Storefront.Session;

public static class SessionKeys
{
    public const string ApplicationName = "productstore-storefront";

    /// <summary>
    /// Data Protection's key ring seals the session and guest-cart cookies and the antiforgery tokens; kept in
    /// Storefront:KeyRingDirectory (default: storefront-keys in Storage:DataDirectory), a 0700 folder, so a restart
    /// keeps every shopper signed in and every rendered form valid.
    /// </summary>
    public static IServiceCollection AddSessionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = KeyRingDirectory(configuration);
        PrivateFiles.CreateFolder(folder);
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToFileSystem(new DirectoryInfo(folder));
        return services;
    }

    public static string KeyRingDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Storefront:KeyRingDirectory"]
            ?? Path.Combine(configuration["Storage:DataDirectory"] ?? ".data", "storefront-keys"));
}
