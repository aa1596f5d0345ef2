using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ProductStore.Users.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Registrations_and_logins_by_outcome_are_counted()
    {
        await using var factory = new UsersFactory();
        var client = factory.CreateClient();
        using var recorded = new RecordedCounters(factory.Services.GetRequiredService<IMeterFactory>(), "ProductStore.Users");
        var email = UsersHttp.NewEmail();

        await (await client.RegisterAsync(email)).ShouldBe<UserDto>(HttpStatusCode.Created);
        await (await client.RegisterAsync(UsersHttp.NewEmail())).ShouldBe<UserDto>(HttpStatusCode.Created);
        await (await client.RegisterAsync(email)).ShouldBeProblem(HttpStatusCode.Conflict);
        await client.LoginAsTokensAsync(email);
        await (await client.LoginAsync(email, "not the right passphrase")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await client.LoginAsync(UsersHttp.NewEmail())).ShouldBeProblem(HttpStatusCode.Unauthorized);

        Assert.Equal(2, recorded.Sum("productstore.registrations"));
        Assert.Equal(1, recorded.Sum("productstore.logins", ("outcome", "success")));
        Assert.Equal(2, recorded.Sum("productstore.logins", ("outcome", "failure")));
    }

    /// <summary>What the app's own meters (those of its IMeterFactory, not another test's app) count while it lives.</summary>
    private sealed class RecordedCounters : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Name, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

        public RecordedCounters(IMeterFactory scope, string meter)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == scope && instrument.Meter.Name == meter) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
            _listener.Start();
        }

        public long Sum(string name, params (string Key, string Value)[] tags) => _measurements
            .Where(m => m.Name == name && tags.All(t => m.Tags.Any(k => k.Key == t.Key && Equals(k.Value, t.Value))))
            .Sum(m => m.Value);

        public void Dispose() => _listener.Dispose();
    }
}
