namespace ProductStore.Observability.Tests;

/// <summary>The AppHost rewrites each job's targets by resource name, so jobs must be named and addressed like the resources.</summary>
public sealed class ScrapeJobTests
{
    [Fact]
    public void Every_service_and_the_gateway_is_scraped_at_its_default_port()
    {
        var jobs = ScrapeJobs.All().Select(j => (j.Name, j.MetricsPath, Target: Assert.Single(j.Targets))).OrderBy(j => j.Name, StringComparer.Ordinal);

        Assert.Equal(
        [
            ("cart", "/metrics", "127.0.0.1:8001"),
            ("catalog", "/metrics", "127.0.0.1:8000"),
            ("gateway", "/metrics", "127.0.0.1:8085"), // its management listener
            ("orders", "/metrics", "127.0.0.1:8002"),
            ("storefront", "/metrics", "127.0.0.1:8004"),
            ("users", "/metrics", "127.0.0.1:8003"),
        ], jobs);
    }
}
