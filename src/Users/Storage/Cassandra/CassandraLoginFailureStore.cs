using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Storage.Cassandra;

namespace ProductStore.Users.Storage.Cassandra;

/// <summary>
/// One row per account, counted by compare-and-set on the count, so racing failures from many addresses each count once.
/// Rows live a day after their last write (TTL): an account's failures are forgotten by then.
/// </summary>
public sealed class CassandraLoginFailureStore(CassandraDatabase database) : ILoginFailureStore
{
    private static readonly int ForgottenAfterSeconds = (int)LoginFailures.ForgottenAfter.TotalSeconds;

    public async Task<LoginFailures?> FindAsync(string account, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.SingleAsync("login_failures.find", "SELECT failures, blocked_until FROM login_failures WHERE account = ?", account) is { } row
            ? new LoginFailures(row.GetValue<int>("failures"), row.GetValue<DateTimeOffset>("blocked_until"))
            : null;

    public async Task<LoginFailures> AddFailureAsync(string account, DateTimeOffset now, Func<int, TimeSpan> delayAfter, CancellationToken cancellationToken)
    {
        var seen = await FindAsync(account, now, cancellationToken);
        while (true)
        {
            var failures = new LoginFailures((seen?.Count ?? 0) + 1, default);
            failures = failures with { BlockedUntil = now + delayAfter(failures.Count) };
            var (applied, row) = seen is null
                ? await database.ExecuteConditionalAsync("login_failures.add",
                    $"INSERT INTO login_failures (account, failures, blocked_until) VALUES (?, ?, ?) IF NOT EXISTS USING TTL {ForgottenAfterSeconds}",
                    account, failures.Count, failures.BlockedUntil)
                : await database.ExecuteConditionalAsync("login_failures.add",
                    $"UPDATE login_failures USING TTL {ForgottenAfterSeconds} SET failures = ?, blocked_until = ? WHERE account = ? IF failures = ?",
                    failures.Count, failures.BlockedUntil, account, seen.Count);
            if (applied) return failures;
            // Another failure counted first (or the record was reset or expired): count on from what is there now.
            seen = row.HasValue("failures") ? new LoginFailures(row.GetValue<int>("failures"), default) : null;
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public Task ResetAsync(string account, CancellationToken cancellationToken) =>
        database.ExecuteAsync("login_failures.reset", "DELETE FROM login_failures WHERE account = ?", account);
}
