using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ProductStore.Users.Domain;

/// <summary>
/// PBKDF2-HMAC-SHA256 with a per-user salt. The iteration count is stored with each hash, so raising it
/// later keeps existing passwords valid. Format: <c>pbkdf2-sha256$iterations$salt$hash</c> (base64).
/// </summary>
public sealed class PasswordHasher(IOptionsMonitor<UsersOptions> options)
{
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private string? _dummyHash;

    public string Hash(string password)
    {
        var iterations = options.CurrentValue.Password.Iterations;
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations)) return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the same time as a real check when the email is unknown, so timing does not reveal which emails exist.</summary>
    public void VerifyNothing(string password) => Verify(password, _dummyHash ??= Hash("not anyone's password"));

    public static int IterationsOf(string stored) => int.Parse(stored.Split('$')[1], CultureInfo.InvariantCulture);
}
