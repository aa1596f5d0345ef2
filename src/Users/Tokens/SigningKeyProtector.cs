using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Files;
using ProductStore.Storage;

namespace ProductStore.Users.Tokens;

/// <summary>
/// Keeps signing keys' private parts out of the clear at rest. With Users:SigningKey:EncryptionSecret (a secret the
/// deployment supplies: a Kubernetes or compose secret) they are sealed with AES-256-GCM under a key derived from it, so a
/// copy of the data alone reveals nothing; replicas share the secret. Without it, ASP.NET Core Data Protection seals them
/// with a key ring kept outside the data folder (Users:SigningKey:KeyRingDirectory), which suits one replica.
/// Keys stored by older versions (plain PKCS#8) are read once and sealed again.
/// </summary>
public sealed class SigningKeyProtector
{
    private const byte Sealed = 1, DataProtected = 2;
    /// <summary>PKCS#8 DER starts with a SEQUENCE tag: what an older version stored, in the clear.</summary>
    private const byte ClearPkcs8 = 0x30;
    private const string Purpose = "ProductStore.Users.SigningKey";

    private readonly byte[]? _sealingKey;
    private readonly Lazy<IDataProtector> _dataProtection;

    public SigningKeyProtector(IOptions<UsersOptions> options)
    {
        var settings = options.Value.SigningKey;
        if (settings.EncryptionSecret is { Length: > 0 } secret)
        {
            if (secret.Length < SigningKeyOptions.MinimumSecretLength)
                throw new InvalidOperationException($"Users:SigningKey:EncryptionSecret must have at least {SigningKeyOptions.MinimumSecretLength} characters.");
            _sealingKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: Encoding.UTF8.GetBytes(Purpose));
        }
        _dataProtection = new(() =>
        {
            // The ring is as secret as the keys it seals: its folder is this user's alone.
            var folder = settings.KeyRingDirectoryOrDefault();
            PrivateFiles.CreateFolder(folder);
            return DataProtectionProvider.Create(new DirectoryInfo(folder)).CreateProtector(Purpose);
        });
    }

    public byte[] Protect(string keyId, byte[] pkcs8)
    {
        if (_sealingKey is null) return [DataProtected, .. _dataProtection.Value.Protect(pkcs8)];
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var (ciphertext, tag) = (new byte[pkcs8.Length], new byte[AesGcm.TagByteSizes.MaxSize]);
        using var aes = new AesGcm(_sealingKey, tag.Length);
        aes.Encrypt(nonce, pkcs8, ciphertext, tag, Encoding.UTF8.GetBytes(keyId));
        return [Sealed, .. nonce, .. tag, .. ciphertext];
    }

    /// <summary>The PKCS#8 private key, and whether it should be stored again under the protection in force now.</summary>
    public (byte[] Pkcs8, bool StoreAgain) Unprotect(string keyId, byte[] stored)
    {
        switch (stored[0])
        {
            case ClearPkcs8:
                return (stored, true);
            case DataProtected:
                return (_dataProtection.Value.Unprotect(stored[1..]), _sealingKey is not null);
            case Sealed when _sealingKey is not null:
                var nonce = stored.AsSpan(1, AesGcm.NonceByteSizes.MaxSize);
                var tag = stored.AsSpan(1 + nonce.Length, AesGcm.TagByteSizes.MaxSize);
                var ciphertext = stored.AsSpan(1 + nonce.Length + tag.Length);
                var pkcs8 = new byte[ciphertext.Length];
                try
                {
                    using var aes = new AesGcm(_sealingKey, tag.Length);
                    aes.Decrypt(nonce, ciphertext, tag, pkcs8, Encoding.UTF8.GetBytes(keyId));
                }
                catch (CryptographicException e)
                {
                    throw new InvalidOperationException(
                        $"Signing key {keyId} does not open with the configured Users:SigningKey:EncryptionSecret: it was sealed with another secret.", e);
                }
                return (pkcs8, false);
            case Sealed:
                throw new InvalidOperationException(
                    $"Signing key {keyId} is sealed with Users:SigningKey:EncryptionSecret, which is not configured: supply the deployment's secret.");
            default:
                throw new InvalidOperationException($"Signing key {keyId} is stored in a form this version does not know.");
        }
    }
}
