using System.Security.Cryptography;
using ProductStore.Users.Storage;

namespace ProductStore.Users.Tests.Contracts;

public sealed class SqliteSigningKeyStoreTests : SigningKeyStoreContract
{
    protected override StoreFixture NewStores() => new SqliteUsersStores();
}

public sealed class CassandraSigningKeyStoreTests : SigningKeyStoreContract
{
    protected override StoreFixture NewStores() => new CassandraUsersStores();
}

/// <summary>What every ISigningKeyStore must do. There is one key per store, so each test starts a store of its own.</summary>
public abstract class SigningKeyStoreContract
{
    private static readonly DateTimeOffset CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);

    protected abstract StoreFixture NewStores();

    private static StoredSigningKey NewKey() => new($"kid-{Guid.NewGuid():N}"[..16], RandomNumberGenerator.GetBytes(138), CreatedAt);

    [Fact]
    public async Task A_new_store_has_no_key_and_then_the_one_added_field_for_field()
    {
        await using var stores = NewStores();
        var store = await stores.GetAsync<ISigningKeyStore>();
        var key = NewKey();

        Assert.Empty(await store.ListAsync(default));
        var added = await store.AddIfNoneAsync(key, default);

        AssertSameKey(key, added);
        AssertSameKey(key, Assert.Single(await store.ListAsync(default)));
    }

    [Fact]
    public async Task A_later_key_is_not_stored_and_the_first_one_is_returned()
    {
        await using var stores = NewStores();
        var store = await stores.GetAsync<ISigningKeyStore>();
        var first = NewKey();
        await store.AddIfNoneAsync(first, default);

        AssertSameKey(first, await store.AddIfNoneAsync(NewKey() with { CreatedAt = CreatedAt.AddDays(1) }, default));
        AssertSameKey(first, Assert.Single(await store.ListAsync(default)));
    }

    [Fact]
    public async Task Racing_replicas_all_get_the_one_key_that_was_stored()
    {
        await using var stores = NewStores();
        var store = await stores.GetAsync<ISigningKeyStore>();
        var keys = Enumerable.Range(0, 4).Select(_ => NewKey()).ToList();

        var returned = await Task.WhenAll(keys.Select(key => Task.Run(() => store.AddIfNoneAsync(key, default))));

        var current = Assert.Single(await store.ListAsync(default));
        Assert.Contains(keys, key => key.KeyId == current.KeyId);
        Assert.All(returned, key => AssertSameKey(current, key));
    }

    [Fact]
    public async Task Rotated_keys_list_newest_first_and_a_key_is_stored_again_under_its_id()
    {
        await using var stores = NewStores();
        var store = await stores.GetAsync<ISigningKeyStore>();
        var first = await store.AddIfNoneAsync(NewKey(), default);
        var (second, third) = (NewKey() with { CreatedAt = CreatedAt.AddDays(2) }, NewKey() with { CreatedAt = CreatedAt.AddDays(1) });
        await store.AddAsync(second, default);
        await store.AddAsync(third, default);

        var resealed = first with { ProtectedPrivateKey = RandomNumberGenerator.GetBytes(150) };
        await store.ReplaceAsync(resealed, default);
        await store.ReplaceAsync(third with { ProtectedPrivateKey = resealed.ProtectedPrivateKey }, default);

        var keys = await store.ListAsync(default);
        Assert.Equal(3, keys.Count);
        AssertSameKey(second, keys[0]);
        AssertSameKey(third with { ProtectedPrivateKey = resealed.ProtectedPrivateKey }, keys[1]);
        AssertSameKey(resealed, keys[2]);
    }

    private static void AssertSameKey(StoredSigningKey expected, StoredSigningKey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.KeyId, expected.CreatedAt), (actual.KeyId, actual.CreatedAt));
        Assert.Equal(expected.ProtectedPrivateKey, actual.ProtectedPrivateKey);
    }
}
