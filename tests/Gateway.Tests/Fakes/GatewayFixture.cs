namespace ProductStore.Gateway.Tests.Fakes;

/// <summary>Four echo services and a gateway in front of them, shared by a test class.</summary>
public class GatewayFixture : IAsyncLifetime
{
    public static readonly string[] ServiceNames = ["catalog", "cart", "orders", "users", "storefront"];

    public Dictionary<string, EchoService> Services { get; } = [];
    public GatewayFactory Factory { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings => [];

    /// <summary>Where the gateway is told each service lives.</summary>
    protected virtual Uri AddressOf(string service) => Services[service].Address;

    public async ValueTask InitializeAsync()
    {
        foreach (var name in ServiceNames) Services[name] = await EchoService.StartAsync(name);
        Factory = new GatewayFactory(ServiceNames.ToDictionary(name => name, name => (Uri?)AddressOf(name)), Settings);
        Factory.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        foreach (var service in Services.Values) await service.DisposeAsync();
    }
}
