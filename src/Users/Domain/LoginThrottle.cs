using Microsoft.Extensions.Options;
using ProductStore.Users.Storage;

namespace ProductStore.Users.Domain;

/// <summary>Applies <see cref="LoginThrottleOptions"/>: how long an account must still wait, and counting its failures and successes.</summary>
public sealed class LoginThrottle(ILoginFailureStore store, IOptionsMonitor<UsersOptions> options, TimeProvider time)
{
    /// <summary>How long until the account may try again, or null when it may try now.</summary>
    public async Task<TimeSpan?> WaitAsync(string account, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await store.FindAsync(account, now, cancellationToken) is { } failures && failures.BlockedUntil > now ? failures.BlockedUntil - now : null;
    }

    public Task FailedAsync(string account, CancellationToken cancellationToken) =>
        store.AddFailureAsync(account, time.GetUtcNow(), options.CurrentValue.LoginThrottle.DelayAfter, cancellationToken);

    /// <summary>Forgets the account's failures; a read first, since nearly every login has none to forget.</summary>
    public async Task SucceededAsync(string account, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(account, time.GetUtcNow(), cancellationToken) is not null) await store.ResetAsync(account, cancellationToken);
    }
}
