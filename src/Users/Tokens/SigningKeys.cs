using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.Users.Storage;

namespace ProductStore.Users.Tokens;

/// <summary>
/// The ES256 key Users signs with: created once, kept in Users' database, loaded at start-up before the
/// first request. Only its public half ever leaves the service (the JWKS).
/// </summary>
public sealed class SigningKeys(ISigningKeyStore store, TimeProvider time) : IStorageInitializer
{
    private ECDsaSecurityKey? _current;

    public ECDsaSecurityKey Current => _current ?? throw new InvalidOperationException("The signing key is loaded at start-up; it is not loaded yet.");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var stored = await store.CurrentAsync(cancellationToken) ?? await store.AddIfNoneAsync(Generate(), cancellationToken);
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(stored.PrivateKeyPkcs8, out _);
        _current = new ECDsaSecurityKey(ecdsa) { KeyId = stored.KeyId };
    }

    /// <summary>The public key as a JWK, what other services validate tokens with.</summary>
    public JsonWebKey PublicJwk()
    {
        var publicOnly = new ECDsaSecurityKey(ECDsa.Create(Current.ECDsa.ExportParameters(includePrivateParameters: false))) { KeyId = Current.KeyId };
        return JsonWebKeyConverter.ConvertFromECDsaSecurityKey(publicOnly);
    }

    private StoredSigningKey Generate()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = ecdsa.ExportParameters(false);
        // The key id is the key's own thumbprint: stable, and different for every key.
        var kid = Base64UrlEncoder.Encode(SHA256.HashData([.. parameters.Q.X!, .. parameters.Q.Y!]))[..16];
        return new StoredSigningKey(kid, ecdsa.ExportPkcs8PrivateKey(), time.GetStoredNow());
    }
}
