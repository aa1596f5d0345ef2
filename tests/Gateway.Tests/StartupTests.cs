using ProductStore.Gateway.Tests.Fakes;

namespace ProductStore.Gateway.Tests;

public class StartupTests
{
    [Fact]
    public async Task A_service_without_an_address_stops_the_gateway_from_starting_and_says_which_variable_to_set()
    {
        await using var catalog = await EchoService.StartAsync("catalog");
        var services = GatewayFixture.ServiceNames.ToDictionary(name => name, name => name == "cart" ? null : (Uri?)catalog.Address);
        await using var factory = new GatewayFactory(services);

        var failure = Assert.ThrowsAny<Exception>(factory.StartServer);

        var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
        Assert.Contains("services__cart__http__0", messages);
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate) foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
