namespace ProductStore.Users.Storage;

/// <summary>A signing key as stored: its private part only ever protected (see SigningKeyProtector).</summary>
public sealed record StoredSigningKey(string KeyId, byte[] ProtectedPrivateKey, DateTimeOffset CreatedAt);

/// <summary>
/// The token signing keys, kept with Users' data so restarts (and replicas) sign with the same keys: the first one,
/// stored once by whichever replica gets there first, and those rotation added since.
/// </summary>
public interface ISigningKeyStore
{
    /// <summary>Stores <paramref name="key"/> as the first key unless there is one (another replica may have won); returns the one stored.</summary>
    Task<StoredSigningKey> AddIfNoneAsync(StoredSigningKey key, CancellationToken cancellationToken);

    /// <summary>A key made by rotation.</summary>
    Task AddAsync(StoredSigningKey key, CancellationToken cancellationToken);

    /// <summary>Every key, newest first.</summary>
    Task<IReadOnlyList<StoredSigningKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores a key's private part protected anew (a key kept in the clear by an older version, or under an older protection).</summary>
    Task ReplaceAsync(StoredSigningKey key, CancellationToken cancellationToken);
}
