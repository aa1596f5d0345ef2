using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ProductStore.AppHost.Hosting;

namespace ProductStore.AppHost.Tests;

/// <summary>Health checks asked again within a short window, so a waiting resource starts as soon as its dependency is ready.</summary>
public sealed class PatientHealthCheckTests
{
    private sealed class CountingCheck(int unhealthyAnswers) : IHealthCheck
    {
        public int Calls;

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(Interlocked.Increment(ref Calls) > unhealthyAnswers ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("starting"));
    }

    private static Task<HealthCheckResult> Check(IHealthCheck inner, TimeSpan patience) =>
        new PatientHealthCheck(inner, patience, TimeSpan.FromMilliseconds(10), TimeProvider.System)
            .CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_check_that_turns_healthy_within_the_window_answers_healthy()
    {
        var inner = new CountingCheck(unhealthyAnswers: 3);
        var result = await Check(inner, TimeSpan.FromSeconds(30));
        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public async Task A_check_still_unhealthy_when_the_window_ends_answers_unhealthy()
    {
        var inner = new CountingCheck(unhealthyAnswers: int.MaxValue);
        var result = await Check(inner, TimeSpan.FromMilliseconds(200));
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("starting", result.Description);
        Assert.True(inner.Calls > 1, $"asked {inner.Calls} time(s)");
    }

    [Fact]
    public async Task Every_health_check_of_the_AppHost_is_patient()
    {
        var builder = await AppHostModel.BuildAsync();
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        var registrations = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.NotEmpty(registrations);
        Assert.All(registrations, r => Assert.IsType<PatientHealthCheck>(r.Factory(app.Services)));
    }
}
