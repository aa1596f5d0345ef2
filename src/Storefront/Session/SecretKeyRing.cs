using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ProductStore.Storefront.Session;

/// <summary>
/// A Data Protection key ring of one key derived from a secret every replica is given (Storefront:KeyRingSecret): the
/// replicas open each other's cookies and a restart keeps them, with no storage shared or written. The key is in Data
/// Protection's own format (its descriptor exports it); changing the secret signs every shopper out.
/// </summary>
public sealed class SecretKeyRing : IXmlRepository
{
    public const int MinimumSecretLength = 32;
    private const int MasterKeyBytes = 64; // what Data Protection generates for AES-256-CBC with HMAC-SHA256
    private const string Purpose = "ProductStore.Storefront.KeyRing";

    // Fixed dates, so that every replica derives the very same key element; it never expires.
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expires = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly XElement _key;

    public SecretKeyRing(string secret)
    {
        if (secret.Length < MinimumSecretLength)
            throw new InvalidOperationException($"Storefront:KeyRingSecret must have at least {MinimumSecretLength} characters.");
        var derived = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), MasterKeyBytes + 16, info: Encoding.UTF8.GetBytes(Purpose));
        var descriptor = new AuthenticatedEncryptorDescriptor(new AuthenticatedEncryptorConfiguration(), new Secret(derived[..MasterKeyBytes])).ExportToXml();
        _key = new XElement("key",
            new XAttribute("id", new Guid(derived.AsSpan(MasterKeyBytes))),
            new XAttribute("version", 1),
            new XElement("creationDate", Created),
            new XElement("activationDate", Created),
            new XElement("expirationDate", Expires),
            new XElement("descriptor",
                new XAttribute("deserializerType", descriptor.DeserializerType.AssemblyQualifiedName!),
                descriptor.SerializedDescriptorElement));
    }

    public IReadOnlyCollection<XElement> GetAllElements() => [new XElement(_key)];

    public void StoreElement(XElement element, string friendlyName) =>
        throw new InvalidOperationException("The storefront's key ring is derived from Storefront:KeyRingSecret: it takes no new keys or revocations.");
}
