namespace ProductStore.Users.Storage;

public sealed record StoredSigningKey(string KeyId, byte[] PrivateKeyPkcs8, DateTimeOffset CreatedAt);

/// <summary>The token signing key, kept with Users' data so restarts (and replicas) sign with the same key.</summary>
public interface ISigningKeyStore
{
    Task<StoredSigningKey?> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="key"/> unless a key exists already (another replica may have won); returns the one in force.</summary>
    Task<StoredSigningKey> AddIfNoneAsync(StoredSigningKey key, CancellationToken cancellationToken);
}
