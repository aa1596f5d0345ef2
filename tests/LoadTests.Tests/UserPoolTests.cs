using ProductStore.LoadTests.Runner;
using ProductStore.LoadTests.Scenarios;

namespace ProductStore.LoadTests.Tests;

public sealed class UserPoolTests
{
    [Fact]
    public async Task A_burst_beyond_the_pool_fails_only_while_it_lasts()
    {
        var pool = new UserPool(Enumerable.Range(0, 3).Select(i => new UserSession($"pool-{i}@example.com", "password")));
        var started = 0;
        var holders = new HashSet<string>();
        var scenario = Scenario.Create("pool", _ => pool.WithUserAsync(async user =>
            {
                lock (holders) Assert.True(holders.Add(user.Email), "two journeys hold one account");
                try
                {
                    // The first journeys are slow, so the runner starts far more at once than the pool holds.
                    if (Interlocked.Increment(ref started) <= 6) await Task.Delay(300);
                    return Response.Ok();
                }
                finally
                {
                    lock (holders) holders.Remove(user.Email);
                }
            }))
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));

        var stats = (await TestRuns.RunAsync(scenario)).Scenario("pool");

        Assert.InRange(stats.Fail.Count, 1, 60);
        Assert.Equal("user pool exhausted: more concurrent journeys than --users", Assert.Single(stats.Errors).Message);
        Assert.All(stats.Timeline.Where(point => point.Second >= 1), point => Assert.Equal(0, point.FailCount));
        Assert.Equal(3, pool.Idle);
    }
}
