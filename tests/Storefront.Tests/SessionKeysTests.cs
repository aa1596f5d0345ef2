using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProductStore.Storefront.Session;

namespace ProductStore.Storefront.Tests;

public sealed class SessionKeysTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("storefront-keys-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private ServiceProvider StartStorefront()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data }).Build();
        return new ServiceCollection().AddSessionKeys(configuration).BuildServiceProvider();
    }

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
}
