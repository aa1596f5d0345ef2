namespace ProductStore.EndToEnd.Tests.Contract;

/// <summary>One system with prism in front, shared by both journeys (each restarts it; prism keeps the same upstream port).</summary>
[CollectionDefinition(Name)]
public sealed class PrismCollection : ICollectionFixture<PrismSystemFixture>
{
    public const string Name = "journeys through prism";
}

/// <summary>The shopper's journey (buying, retrying, cancelling; the admin listing every order; the race for stock) through prism.</summary>
[Collection(PrismCollection.Name)]
public sealed class ShopperJourneyThroughPrismTests(PrismSystemFixture fixture) : ShopperJourney(fixture), IAsyncLifetime
{
    private readonly PrismVerdict _verdict = new(fixture, "shopper journey");

    public ValueTask InitializeAsync() => _verdict.StartAsync();

    public ValueTask DisposeAsync() => _verdict.AssertNoViolationsAsync();
}

/// <summary>The admin's journey (adding a product a customer then finds; what customers and strangers may not do) through prism.</summary>
[Collection(PrismCollection.Name)]
public sealed class AdminJourneyThroughPrismTests(PrismSystemFixture fixture) : PlatformJourney(fixture), IAsyncLifetime
{
    private readonly PrismVerdict _verdict = new(fixture, "admin journey");

    public ValueTask InitializeAsync() => _verdict.StartAsync();

    public ValueTask DisposeAsync() => _verdict.AssertNoViolationsAsync();
}

/// <summary>What prism saw during one test: its calls, its violations (any fails the test) and the calls it refused as the document says.</summary>
public sealed class PrismVerdict(PrismSystemFixture fixture, string journey)
{
    private (int Requests, int Violations, int Refused) _before;

    public ValueTask StartAsync()
    {
        if (fixture.Prism is not { } prism) return ValueTask.CompletedTask;
        _before = (prism.Requests, prism.Violations.Count, prism.Refused.Count);
        return ValueTask.CompletedTask;
    }

    public ValueTask AssertNoViolationsAsync()
    {
        if (fixture.Prism is not { } prism) return ValueTask.CompletedTask;
        var violations = prism.Violations.Skip(_before.Violations).ToList();
        var refused = prism.Refused.Skip(_before.Refused).ToList();
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"prism, {journey}: {prism.Requests - _before.Requests} calls, {violations.Count} violations, {refused.Count} refused by the document");
        foreach (var call in refused) output?.WriteLine($"  refused: {call}");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        return ValueTask.CompletedTask;
    }
}
