namespace ProductStore.EndToEnd.Tests;

/// <summary>One running system shared by the tests of a class that neither restart nor stop it.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public ProductStoreSystem System { get; private set; } = null!;

    public async ValueTask InitializeAsync() => System = await ProductStoreSystem.StartAsync();

    public async ValueTask DisposeAsync() => await System.DisposeAsync();
}
