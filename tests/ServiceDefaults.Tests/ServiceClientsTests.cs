using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using ProductStore.ServiceDefaults.Http;
using ProductStore.TestSupport;

namespace ProductStore.ServiceDefaults.Tests;

public sealed class ServiceClientsTests : IAsyncLifetime
{
    private StubServer _stub = null!;
    private int _calls;
    private int _failuresLeft;
    private int _tokensIssued;
    private readonly List<string> _authorizations = [];

    public sealed class StubClient(HttpClient http)
    {
        public HttpClient Http => http;
    }

    public async ValueTask InitializeAsync() => _stub = await StubServer.StartAsync(app =>
    {
        app.Map("/flaky", () =>
        {
            Interlocked.Increment(ref _calls);
            return Interlocked.Decrement(ref _failuresLeft) >= 0 ? Results.StatusCode(503) : Results.Ok("fine");
        });
        app.MapGet("/slow-once", async () =>
        {
            if (Interlocked.Increment(ref _calls) == 1) await Task.Delay(3000);
            return Results.Ok("fine");
        });
        app.MapPost("/internal/token", () =>
        {
            var n = Interlocked.Increment(ref _tokensIssued);
            return Results.Ok(new { accessToken = $"token-{n}", tokenType = "Bearer", expiresIn = 900 });
        });
        app.MapGet("/protected", (HttpContext context) =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            lock (_authorizations) _authorizations.Add(header);
            // The first token is "revoked": the client must fetch a new one and retry.
            return header == "Bearer token-1" ? Results.StatusCode(401) : Results.Ok("secret");
        });
    });

    public async ValueTask DisposeAsync() => await _stub.DisposeAsync();

    private StubClient Client(bool withToken = false, int maxRetries = 2, Action<ILoggingBuilder>? logging = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:stub:http:0"] = _stub.Address.ToString(),
            ["services:users:http:0"] = _stub.Address.ToString(),
            ["ServiceClients:AttemptTimeout"] = "00:00:00.500",
            ["ServiceClients:MaxRetries"] = maxRetries.ToString(),
            ["ServiceAuth:ClientId"] = "tests",
            ["ServiceAuth:ClientSecret"] = "s3cret",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging(logging ?? (_ => { }))
            .AddSingleton(TimeProvider.System);
        services.AddServiceClientDefaults();
        var client = services.AddServiceClient<StubClient>("stub");
        if (withToken) client.WithServiceToken();
        return services.BuildServiceProvider().GetRequiredService<StubClient>();
    }

    [Fact]
    public async Task Polly_logs_retries_but_not_every_attempt()
    {
        var logs = new CapturedLogs();
        _failuresLeft = 1;
        var response = await Client(logging: b => b.AddProvider(logs)).Http.GetAsync("flaky");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var polly = logs.Where(e => e.Category.StartsWith("Polly", StringComparison.Ordinal)).ToList();
        Assert.Contains(polly, e => e.Level == LogLevel.Warning);
        Assert.DoesNotContain(polly, e => e.Level < LogLevel.Warning);
    }

    [Fact]
    public async Task A_Polly_level_in_configuration_wins_over_the_quiet_default()
    {
        var logs = new CapturedLogs();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Polly"] = "Information",
        }).Build();
        await Client(logging: b => b.AddConfiguration(settings.GetSection("Logging")).AddProvider(logs)).Http.GetAsync("flaky");
        Assert.Contains(logs, e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Level == LogLevel.Information);
    }

    private sealed class CapturedLogs : List<(string Category, LogLevel Level)>, ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(CapturedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                lock (logs) logs.Add((category, logLevel));
            }
        }
    }

    [Fact]
    public async Task A_get_is_retried_through_a_transient_failure()
    {
        _failuresLeft = 2;
        var response = await Client().Http.GetAsync("flaky");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _calls);
    }

    [Fact]
    public async Task A_post_is_not_retried_unless_marked_idempotent()
    {
        var client = Client();
        _failuresLeft = 1;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.Http.PostAsync("flaky", null)).StatusCode);
        Assert.Equal(1, _calls);

        _failuresLeft = 1;
        var marked = new HttpRequestMessage(HttpMethod.Post, "flaky").MarkIdempotent();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(marked)).StatusCode);
        Assert.Equal(3, _calls);
    }

    [Fact]
    public async Task A_slow_attempt_is_cut_short_and_retried()
    {
        var started = DateTime.UtcNow;
        var response = await Client().Http.GetAsync("slow-once");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _calls);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2.5), "The slow attempt was waited out instead of timed out.");
    }

    [Fact]
    public async Task A_failing_service_opens_the_circuit_and_calls_stop_reaching_it()
    {
        var client = Client(maxRetries: 0);
        _failuresLeft = int.MaxValue;
        for (var i = 0; i < 20; i++)
        {
            // On a loaded machine an attempt may time out instead of answering 500: the breaker counts both as failures.
            try { await client.Http.GetAsync("flaky"); } catch (Polly.Timeout.TimeoutRejectedException) { }
        }
        var callsWhenOpen = _calls;

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.Http.GetAsync("flaky"));
        Assert.Equal(callsWhenOpen, _calls);
    }

    [Fact]
    public async Task Service_calls_carry_a_cached_token_and_renew_it_after_a_401()
    {
        var client = Client(withToken: true);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("protected")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("protected")).StatusCode);

        Assert.Equal(["Bearer token-1", "Bearer token-2", "Bearer token-2"], _authorizations);
        Assert.Equal(2, _tokensIssued);
    }
}
