using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductStore.AppHost.Hosting;

/// <summary>
/// Aspire asks an unhealthy resource again after 1 s, then 2, 3, 4 and 5 s: a service ready 1.1 s after it started is seen
/// at 3 s, and everything that waits for it starts that much later. Each check here asks again every 100 ms for up to
/// <see cref="Patience"/> before it answers unhealthy, so a waiting resource starts within ~100 ms of its dependencies
/// being ready, while an unhealthy one is still reported as soon as the window ends.
/// </summary>
public static class PromptHealthChecks
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static IDistributedApplicationBuilder CheckHealthPromptly(this IDistributedApplicationBuilder builder)
    {
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                var check = registration.Factory;
                registration.Factory = services => new PatientHealthCheck(check(services), Patience, Interval, TimeProvider.System);
            }
        });
        return builder;
    }
}
