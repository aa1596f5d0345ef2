using System.Collections.Concurrent;
using System.Security.Cryptography;
using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Scenarios;

/// <summary>
/// Users registered (and logged in) for this run before any load, so the measured part holds no registrations.
/// Fresh addresses per run; setup waits out the gateway's rate limiter instead of failing on 429.
/// A journey takes an account for as long as it runs and gives it back, so no two journeys share one, and a burst
/// that once outgrew the pool fails only while it lasts. (Tying accounts to virtual-user instances did not: instances
/// made in a burst stayed in the runner's idle queue without an account and failed at every turn for the rest of the run.)
/// </summary>
public sealed class UserPool(IEnumerable<UserSession> users)
{
    private const int SetupParallelism = 4;
    private const int MaxAttempts = 20;

    private readonly ConcurrentQueue<UserSession> _idle = new(users);

    /// <summary>Accounts no journey holds right now.</summary>
    public int Idle => _idle.Count;

    public async Task<Response> WithUserAsync(Func<UserSession, Task<Response>> journey)
    {
        if (!_idle.TryDequeue(out var user)) return Response.Fail(message: "user pool exhausted: more concurrent journeys than --users");
        try
        {
            return await journey(user);
        }
        finally
        {
            _idle.Enqueue(user);
        }
    }

    public static async Task<IReadOnlyList<UserSession>> CreateAsync(HttpClient http, int count, bool logIn, CancellationToken cancellationToken)
    {
        var run = $"{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}";
        var password = $"Load-{RandomNumberGenerator.GetHexString(20)}";
        var users = new UserSession[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = SetupParallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var user = new UserSession($"load-{run}-{i}@example.com", password);
                await Required(() => StoreHttp.SendAsync<object>(http, StoreHttp.Json(HttpMethod.Post, "/api/users/register",
                    new RegisterRequest(user.Email, password, $"Load user {i}"), StoreJsonContext.Default.RegisterRequest), null, token), token);
                if (logIn) await Required(() => user.LoginAsync(http, token), token);
                users[i] = user;
            });
        return users;
    }

    /// <summary>Retries a setup call while the rate limiter answers 429 (backing off), and fails setup on any other error.</summary>
    private static async Task Required<T>(Func<Task<Response<T>>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await call();
            if (!response.IsError) return;
            if (response.StatusCode != 429 || attempt == MaxAttempts)
                throw new InvalidOperationException($"Setup failed: {response.Message}");
            await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
        }
    }
}
