using ProductStore.TestSupport.ApiContract;

namespace ProductStore.EndToEnd.Tests.Contract;

/// <summary>The system with prism in front of its gateway, validating every call against the four documents merged.</summary>
public sealed class PrismSystemFixture : SystemFixture
{
    /// <summary>The proxy, once the system is up (null when prism is not installed and the tests skip).</summary>
    public PrismProxy? Prism { get; private set; }

    protected override string? Unavailable => ApiTools.Missing("prism");

    protected override async Task StartedAsync(ProductStoreSystem system)
    {
        Prism = await PrismProxy.StartAsync(await MergedDocument.FetchAsync(system.Gateway), system.Gateway);
        system.CallThrough(Prism.Address, Prism.CreateHandler);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Prism is not null) await Prism.DisposeAsync();
        await base.DisposeAsync();
    }
}
