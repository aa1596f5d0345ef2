using ProductStore.Users.Storage;

namespace ProductStore.Users.Tests.Contracts;

public sealed class SqliteRefreshTokenStoreTests(SqliteUsersStores stores) : RefreshTokenStoreContract(stores), IClassFixture<SqliteUsersStores>;

public sealed class CassandraRefreshTokenStoreTests(CassandraUsersStores stores) : RefreshTokenStoreContract(stores), IClassFixture<CassandraUsersStores>;

/// <summary>What every IRefreshTokenStore must do: rotate a token once, treat a second use as theft, revoke families.</summary>
public abstract class RefreshTokenStoreContract(StoreFixture stores)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);

    private Task<IRefreshTokenStore> Store() => stores.GetAsync<IRefreshTokenStore>();

    private static RefreshTokenRecord NewToken(Guid? family = null, Guid? user = null, DateTimeOffset? expiresAt = null) =>
        new(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), family ?? Guid.NewGuid(), user ?? Guid.NewGuid(), expiresAt ?? Now.AddDays(14), "stamp-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Rotates <paramref name="token"/> into a new hash with a later expiry, handing back what the store passed in.</summary>
    private static async Task<(RotationResult Result, Guid UserId, RefreshTokenRecord? Seen, RefreshTokenRecord Successor)> RotateAsync(
        IRefreshTokenStore store, RefreshTokenRecord token, DateTimeOffset? now = null)
    {
        RefreshTokenRecord? seen = null;
        var successor = NewToken() with { ExpiresAt = Now.AddDays(15) };
        var (result, userId) = await store.RotateAsync(token.TokenHash, old =>
        {
            seen = old;
            return successor = old with { TokenHash = successor.TokenHash, ExpiresAt = successor.ExpiresAt };
        }, now ?? Now, default);
        return (result, userId, seen, successor);
    }

    [Fact]
    public async Task A_token_rotates_into_a_successor_of_its_family_which_rotates_in_turn()
    {
        var store = await Store();
        var token = NewToken();
        await store.AddAsync(token, default);

        var (result, userId, seen, successor) = await RotateAsync(store, token);

        Assert.Equal((RotationResult.Rotated, token.UserId), (result, userId));
        Assert.Equal(token, seen);
        var next = await RotateAsync(store, successor);
        Assert.Equal((RotationResult.Rotated, token.UserId), (next.Result, next.UserId));
        Assert.Equal(successor, next.Seen);
    }

    [Fact]
    public async Task Unknown_and_expired_tokens_are_invalid()
    {
        var store = await Store();
        var expiring = NewToken(expiresAt: Now.AddMinutes(1));
        await store.AddAsync(expiring, default);

        Assert.Equal(RotationResult.Invalid, (await RotateAsync(store, NewToken())).Result);
        Assert.Equal(RotationResult.Invalid, (await RotateAsync(store, expiring, now: expiring.ExpiresAt)).Result);
        Assert.Equal(RotationResult.Rotated, (await RotateAsync(store, expiring, now: expiring.ExpiresAt.AddMilliseconds(-1))).Result);
    }

    [Fact]
    public async Task Using_a_rotated_token_again_is_reuse_and_revokes_its_whole_family()
    {
        var store = await Store();
        var token = NewToken();
        var otherLogin = NewToken(user: token.UserId);
        await store.AddAsync(token, default);
        await store.AddAsync(otherLogin, default);
        var successor = (await RotateAsync(store, token)).Successor;

        var replay = await RotateAsync(store, token);

        Assert.Equal((RotationResult.Reused, token.UserId), (replay.Result, replay.UserId));
        Assert.Null(replay.Seen);
        Assert.Equal(RotationResult.Invalid, (await RotateAsync(store, successor)).Result);
        Assert.Equal(RotationResult.Rotated, (await RotateAsync(store, otherLogin)).Result);
    }

    [Fact]
    public async Task Revoking_a_family_invalidates_its_tokens_and_no_others()
    {
        var store = await Store();
        var family = Guid.NewGuid();
        var (first, second, other) = (NewToken(family), NewToken(family), NewToken());
        foreach (var token in new[] { first, second, other }) await store.AddAsync(token, default);

        Assert.Equal(family, await store.RevokeFamilyAsync(first.TokenHash, default));
        Assert.Equal(family, await store.RevokeFamilyAsync(first.TokenHash, default));
        Assert.Null(await store.RevokeFamilyAsync(NewToken().TokenHash, default));

        Assert.Equal(RotationResult.Invalid, (await RotateAsync(store, first)).Result);
        Assert.Equal(RotationResult.Invalid, (await RotateAsync(store, second)).Result);
        Assert.Equal(RotationResult.Rotated, (await RotateAsync(store, other)).Result);
    }

    [Fact]
    public async Task Two_racing_rotations_of_one_token_rotate_it_once_and_revoke_the_family()
    {
        var store = await Store();
        var tokens = Enumerable.Range(0, 5).Select(_ => NewToken()).ToList();
        foreach (var token in tokens) await store.AddAsync(token, default);

        // A third racer could also find the family revoked already (Invalid), so each token is raced by two.
        var races = await Task.WhenAll(tokens.Select(token =>
            Task.WhenAll(Task.Run(() => RotateAsync(store, token)), Task.Run(() => RotateAsync(store, token)))));

        foreach (var (token, rotations) in tokens.Zip(races))
        {
            Assert.Equal([RotationResult.Rotated, RotationResult.Reused], rotations.Select(r => r.Result).Order());
            Assert.All(rotations, r => Assert.Equal(token.UserId, r.UserId));
            var winner = Assert.Single(rotations, r => r.Result == RotationResult.Rotated);
            Assert.Equal(RotationResult.Invalid, (await RotateAsync(store, winner.Successor)).Result);
        }
    }
}
