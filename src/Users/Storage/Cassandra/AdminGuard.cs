using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Storage.Cassandra;

namespace ProductStore.Users.Storage.Cassandra;

/// <summary>
/// Without transactions, two admins demoting each other at once could each count the other and both succeed. Changes
/// that take admin away therefore run one at a time, under a lock row taken by INSERT … IF NOT EXISTS. The row lives
/// for <see cref="Lease"/> at most, so a holder that dies frees it by itself.
/// </summary>
public sealed class AdminGuard(CassandraDatabase database)
{
    /// <summary>Admins confirmed per check; far more than a shop has, so stale index entries cannot hide a real admin.</summary>
    public const int CandidatesRead = 100;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public async Task<T> WhileHeldAsync<T>(Func<Task<T>> change)
    {
        var holder = Guid.NewGuid();
        var giveUpAt = DateTimeOffset.UtcNow + Wait;
        while (!(await database.ExecuteConditionalAsync("users.admin_guard",
                   $"INSERT INTO admin_guard (name, holder) VALUES ('admins', ?) IF NOT EXISTS USING TTL {(int)Lease.TotalSeconds}", holder)).Applied)
        {
            if (DateTimeOffset.UtcNow > giveUpAt) throw new StorageUnavailableException($"Another change of admins has held the guard for longer than {Wait}.");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
        try
        {
            return await change();
        }
        finally
        {
            await database.ExecuteConditionalAsync("users.admin_guard", "DELETE FROM admin_guard WHERE name = 'admins' IF holder = ?", holder);
        }
    }
}
