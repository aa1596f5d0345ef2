namespace ProductStore.Users.Storage;

/// <summary>An account's failed logins in a row, and until when the next attempt must wait.</summary>
public sealed record LoginFailures(int Count, DateTimeOffset BlockedUntil)
{
    /// <summary>How long after its last failure an account's record is kept.</summary>
    public static readonly TimeSpan ForgottenAfter = TimeSpan.FromDays(1);
}

/// <summary>
/// Failed logins per account (by normalized email, whether or not such an account exists, so the answer reveals nothing),
/// shared by every Users replica. An account's record is forgotten a day after its last failure.
/// </summary>
public interface ILoginFailureStore
{
    Task<LoginFailures?> FindAsync(string account, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Counts one more failure, atomically, and blocks the account for <paramref name="delayAfter"/>(the new count).</summary>
    Task<LoginFailures> AddFailureAsync(string account, DateTimeOffset now, Func<int, TimeSpan> delayAfter, CancellationToken cancellationToken);

    Task ResetAsync(string account, CancellationToken cancellationToken);
}
