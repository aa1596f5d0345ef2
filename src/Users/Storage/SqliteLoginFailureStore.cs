using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Users.Storage;

public sealed class SqliteLoginFailureStore(SqliteDatabase database) : ILoginFailureStore
{
    public Task<LoginFailures?> FindAsync(string account, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync("login_failures.find", (session, ct) =>
            session.Command("SELECT failures, blocked_until FROM login_failures WHERE account = $account AND last_failure_at >= $since")
                .With("$account", account).With("$since", (now - LoginFailures.ForgottenAfter).ToStored())
                .FirstOrDefaultAsync(r => new LoginFailures(r.GetInt32(0), r.GetTimestamp(1)), ct), cancellationToken).AsTask();

    public Task<LoginFailures> AddFailureAsync(string account, DateTimeOffset now, Func<int, TimeSpan> delayAfter, CancellationToken cancellationToken) =>
        database.WriteAsync("login_failures.add", async (session, ct) =>
        {
            var since = (now - LoginFailures.ForgottenAfter).ToStored();
            var count = 1 + (await session.Command("SELECT failures FROM login_failures WHERE account = $account AND last_failure_at >= $since")
                .With("$account", account).With("$since", since).FirstOrDefaultAsync(r => r.GetInt32(0), ct));
            var failures = new LoginFailures(count, now + delayAfter(count));
            session.Command("""
                    INSERT INTO login_failures (account, failures, blocked_until, last_failure_at) VALUES ($account, $failures, $blocked, $now)
                    ON CONFLICT (account) DO UPDATE SET failures = excluded.failures, blocked_until = excluded.blocked_until, last_failure_at = excluded.last_failure_at
                    """)
                .With("$account", account).With("$failures", count).With("$blocked", failures.BlockedUntil.ToStored()).With("$now", now.ToStored())
                .ExecuteNonQuery();
            session.Command("DELETE FROM login_failures WHERE last_failure_at < $since").With("$since", since).ExecuteNonQuery();
            return failures;
        }, cancellationToken).AsTask();

    public Task ResetAsync(string account, CancellationToken cancellationToken) =>
        database.WriteAsync("login_failures.reset", (session, _) => ValueTask.FromResult(
            session.Command("DELETE FROM login_failures WHERE account = $account").With("$account", account).ExecuteNonQuery()), cancellationToken).AsTask();
}
