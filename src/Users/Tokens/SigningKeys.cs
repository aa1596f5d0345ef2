using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.Users.Storage;

namespace ProductStore.Users.Tokens;

/// <summary>
/// The ES256 keys Users signs with, kept sealed in Users' database (<see cref="SigningKeyProtector"/>) and loaded at
/// start-up before the first request. Rotation adds a key that is published at once and signs only after the activation
/// delay, so every replica and service knows it first; a superseded key stays published until every token it signed has
/// expired. Only public halves ever leave the service (the JWKS).
/// </summary>
public sealed class SigningKeys(ISigningKeyStore store, SigningKeyProtector protector, IOptionsMonitor<UsersOptions> options, TimeProvider time,
    ILogger<SigningKeys> logger) : IStorageInitializer
{
    /// <summary>Beyond the longest token lifetime: JwtBearer's clock skew and a margin for slow clocks.</summary>
    private static readonly TimeSpan RetirementMargin = TimeSpan.FromMinutes(1);

    private volatile IReadOnlyList<LoadedKey> _keys = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _unopenable = new(StringComparer.Ordinal);

    /// <summary>The key that signs now: the newest one whose activation delay has passed (the very first key signs at once).</summary>
    public ECDsaSecurityKey Current => Active(_keys, time.GetUtcNow()) ?? throw new InvalidOperationException("The signing keys are loaded at start-up; they are not loaded yet.");

    /// <summary>Keys tokens may be checked with: those waiting to sign, the current one, and superseded ones whose tokens may still be valid.</summary>
    public IReadOnlyList<ECDsaSecurityKey> Published
    {
        get
        {
            var (keys, now, settings) = (_keys, time.GetUtcNow(), options.CurrentValue);
            var longest = new[] { settings.AccessTokenLifetime, settings.ServiceTokenLifetime }.Max() + RetirementMargin;
            return keys.Where((key, i) => i == 0 || ActivatesAt(keys[i - 1], keys) + longest > now).Select(k => k.Key).ToList();
        }
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if ((await store.ListAsync(cancellationToken)).Count == 0) await store.AddIfNoneAsync(Generate(), cancellationToken);
        await ReloadAsync(cancellationToken);
        if (_keys.Count > 0) return;
        // Every key was sealed by a Data Protection key ring that is gone: sign with a new one. Access tokens signed before
        // fail (15 minutes' worth at most); refresh tokens are not signed and go on working.
        await store.AddAsync(Generate(), cancellationToken);
        await ReloadAsync(cancellationToken);
    }

    /// <summary>Reads the keys again (a rotation another replica made), sealing anew any stored in the clear or under an older protection.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var loaded = new List<LoadedKey>();
        foreach (var stored in await store.ListAsync(cancellationToken))
        {
            if (Unprotect(stored) is not var (pkcs8, storeAgain)) continue;
            if (storeAgain)
            {
                await store.ReplaceAsync(stored with { ProtectedPrivateKey = protector.Protect(stored.KeyId, pkcs8) }, cancellationToken);
                logger.LogWarning("Signing key {KeyId} was stored unsealed or under an older protection; it is sealed now", stored.KeyId);
            }
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            CryptographicOperations.ZeroMemory(pkcs8);
            loaded.Add(new LoadedKey(new ECDsaSecurityKey(ecdsa) { KeyId = stored.KeyId }, stored.CreatedAt));
        }
        _keys = loaded;
    }

    /// <summary>The key's private part, or null when it was sealed by a Data Protection key ring this process no longer has.</summary>
    private (byte[] Pkcs8, bool StoreAgain)? Unprotect(StoredSigningKey stored)
    {
        try
        {
            return protector.Unprotect(stored.KeyId, stored.ProtectedPrivateKey);
        }
        catch (CryptographicException e)
        {
            if (!_unopenable.TryAdd(stored.KeyId, true)) return null;
            logger.LogError(e, "Signing key {KeyId} cannot be opened: the Data Protection key ring that sealed it is gone. Tokens it signed are refused; "
                + "set Users__SigningKey__EncryptionSecret (a deployment secret) or keep Users__SigningKey__KeyRingDirectory on persistent storage", stored.KeyId);
            return null;
        }
    }

    /// <summary>Adds a new key; it is published now and signs from the returned time on.</summary>
    public async Task<(string KeyId, DateTimeOffset SignsFrom)> RotateAsync(CancellationToken cancellationToken)
    {
        var key = Generate();
        await store.AddAsync(key, cancellationToken);
        await ReloadAsync(cancellationToken);
        return (key.KeyId, key.CreatedAt + options.CurrentValue.SigningKey.ActivationDelay);
    }

    /// <summary>The public keys as JWKs, what other services validate tokens with.</summary>
    public IReadOnlyList<JsonWebKey> PublicJwks() => Published.Select(key =>
        JsonWebKeyConverter.ConvertFromECDsaSecurityKey(
            new ECDsaSecurityKey(ECDsa.Create(key.ECDsa.ExportParameters(includePrivateParameters: false))) { KeyId = key.KeyId })).ToList();

    private ECDsaSecurityKey? Active(IReadOnlyList<LoadedKey> keys, DateTimeOffset now) =>
        keys.FirstOrDefault(key => ActivatesAt(key, keys) <= now)?.Key ?? keys.LastOrDefault()?.Key;

    /// <summary>When a key starts signing: the oldest at once, every later one after the activation delay.</summary>
    private DateTimeOffset ActivatesAt(LoadedKey key, IReadOnlyList<LoadedKey> keys) =>
        ReferenceEquals(key, keys[^1]) ? key.CreatedAt : key.CreatedAt + options.CurrentValue.SigningKey.ActivationDelay;

    private StoredSigningKey Generate()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = ecdsa.ExportParameters(false);
        // The key id is the key's own thumbprint: stable, and different for every key.
        var kid = Base64UrlEncoder.Encode(SHA256.HashData([.. parameters.Q.X!, .. parameters.Q.Y!]))[..16];
        return new StoredSigningKey(kid, protector.Protect(kid, ecdsa.ExportPkcs8PrivateKey()), time.GetStoredNow());
    }

    private sealed record LoadedKey(ECDsaSecurityKey Key, DateTimeOffset CreatedAt);
}
