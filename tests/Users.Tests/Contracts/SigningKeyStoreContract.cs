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

        Assert.Null(await store.CurrentAsync(default));
        var added = await store.AddIfNoneAsync(key, default);

        AssertSameKey(key, added);
        AssertSameKey(key, await store.CurrentAsync(default));
    }

    [Fact]
    public async Task A_later_key_is_not_stored_and_the_first_one_is_returned()
    {
        await using var stores = NewStores();
        var store = await stores.GetAsync<ISigningKeyStore>();
        var first = NewKey();
        await store.AddIfNoneAsync(first, default);

        AssertSameKey(first, await store.AddIfNoneAsync(NewKey() with { CreatedAt = CreatedAt.AddDays(1) }, default));
        AssertSameKey(first, await store.CurrentAsync(default));
    }

    [Fact]
    public async Task Racing_replicas_all_get_the_one_key_that_was_stored()
    {
        await using var stores = NewStores();
        var store = await stores.GetAsync<ISigningKeyStore>();
        var keys = Enumerable.Range(0, 4).Select(_ => NewKey()).ToList();

        var returned = await Task.WhenAll(keys.Select(key => Task.Run(() => store.AddIfNoneAsync(key, default))));

        var current = (await store.CurrentAsync(default))!;
        Assert.Contains(keys, key => key.KeyId == current.KeyId);
        Assert.All(returned, key => AssertSameKey(current, key));
    }

    private static void AssertSameKey(StoredSigningKey expected, StoredSigningKey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.KeyId, expected.CreatedAt), (actual.KeyId, actual.CreatedAt));
        Assert.Equal(expected.PrivateKeyPkcs8, actual.PrivateKeyPkcs8);
    }
}
