using ProductStore.Users.Storage;

namespace ProductStore.Users.Tests.Contracts;

public sealed class SqliteRevocationStoreTests(SqliteUsersStores stores) : RevocationStoreContract(stores), IClassFixture<SqliteUsersStores>;

public sealed class CassandraRevocationStoreTests(CassandraUsersStores stores) : RevocationStoreContract(stores), IClassFixture<CassandraUsersStores>;

/// <summary>What every IRevocationStore must do: hand back what was revoked since a moment, oldest first, field for field.</summary>
public abstract class RevocationStoreContract(StoreFixture stores)
{
    private Task<IRevocationStore> Store() => stores.GetAsync<IRevocationStore>();

    [Fact]
    public async Task Revocations_since_a_moment_come_back_oldest_first_across_minutes()
    {
        var store = await Store();
        // A moment of its own, far from other tests' revocations in the shared store.
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000 + Random.Shared.Next(1, 1_000_000) * 1_000L);
        var (user, session) = (Guid.NewGuid(), Guid.NewGuid());
        var early = Revocation.OfStamp(user, "first", start.AddMinutes(-1));
        var stamp = Revocation.OfStamp(user, "second", start.AddSeconds(10));
        var logout = Revocation.OfSession(session, start.AddMinutes(2).AddSeconds(1));
        var restamp = Revocation.OfStamp(user, "third", start.AddMinutes(3));
        foreach (var revocation in new[] { logout, restamp, early, stamp }) await store.AddAsync(revocation, default);

        var found = await store.ListSinceAsync(start, start.AddMinutes(4), default);

        Assert.Equal([stamp, logout, restamp], found.Where(r => r.UserId == user || r.SessionId == session));
    }
}
