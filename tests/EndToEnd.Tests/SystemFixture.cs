namespace ProductStore.EndToEnd.Tests;

/// <summary>One running system per test class, with the default test settings; a test may restart it.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public ProductStoreSystem System { get; private set; } = null!;

    public async ValueTask InitializeAsync() => System = await ProductStoreSystem.StartAsync();

    public async ValueTask DisposeAsync() => await System.DisposeAsync();
}
