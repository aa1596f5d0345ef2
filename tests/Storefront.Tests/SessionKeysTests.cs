using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProductStore.Storefront.Session;

namespace ProductStore.Storefront.Tests;

public sealed class SessionKeysTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("storefront-keys-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private const string DeploymentSecret = "test-key-ring-secret-0123456789abcdef01";

    private ServiceProvider StartStorefront(string? keyRingSecret = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _data,
            ["Storefront:KeyRingSecret"] = keyRingSecret,
        }).Build();
        return new ServiceCollection().AddSessionKeys(configuration).BuildServiceProvider();
    }

    private static IDataProtector SessionProtector(ServiceProvider storefront) =>
        storefront.GetRequiredService<IDataProtectionProvider>().CreateProtector("session");

    [Fact]
    public void A_cookie_sealed_before_a_restart_opens_after_it()
    {
        string sealedCookie;
        using (var before = StartStorefront())
            sealedCookie = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Protect("shopper");

        using var after = StartStorefront();

        Assert.Equal("shopper", after.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Unprotect(sealedCookie));
    }

    [Fact]
    public void The_key_ring_is_in_the_data_folder_readable_by_the_storefront_user_only()
    {
        using (var storefront = StartStorefront()) storefront.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Protect("shopper");
        if (OperatingSystem.IsWindows()) return;

        var folder = Path.Combine(_data, "storefront-keys");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        var keys = Directory.GetFiles(folder, "key-*.xml");
        Assert.NotEmpty(keys);
        foreach (var key in keys) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
    }

    [Fact]
    public void Replicas_given_the_same_secret_open_each_others_cookies_and_write_no_key_anywhere()
    {
        using var first = StartStorefront(DeploymentSecret);
        using var second = StartStorefront(DeploymentSecret);

        Assert.Equal("shopper", SessionProtector(second).Unprotect(SessionProtector(first).Protect("shopper")));
        Assert.Equal("guest", SessionProtector(first).Unprotect(SessionProtector(second).Protect("guest")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }

    [Fact]
    public void A_cookie_sealed_under_one_secret_does_not_open_under_another_or_the_folder_ring()
    {
        string sealedCookie;
        using (var deployed = StartStorefront(DeploymentSecret)) sealedCookie = SessionProtector(deployed).Protect("shopper");

        using var otherSecret = StartStorefront(DeploymentSecret.Replace('0', '1'));
        using var folderRing = StartStorefront();

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => SessionProtector(otherSecret).Unprotect(sealedCookie));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => SessionProtector(folderRing).Unprotect(sealedCookie));
    }

    [Fact]
    public void A_secret_shorter_than_32_characters_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StartStorefront("too-short"));

        Assert.Contains("Storefront:KeyRingSecret", error.Message);
    }
}
