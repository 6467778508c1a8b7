using System.Security.Cryptography;
using System.Text;

namespace Serenity.Trading;

/// <summary>Salted PBKDF2-SHA256 password hashes, compared in constant time.</summary>
internal static class PasswordHasher
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static (string Salt, string Hash) Hash(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return (Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string password, string salt, string hash, int iterations)
    {
        var expected = Convert.FromBase64String(hash);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(salt), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
