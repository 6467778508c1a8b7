using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Serenity.Server.Auth;

/// <summary>
/// Bearer tokens: <c>base64url(expiry seconds (8 bytes) + user id (UTF-8)) "." base64url(HMAC-SHA256)</c>, signed
/// with a secret that is never logged. Expiry is checked on the actor system's clock.
/// </summary>
public sealed class TokenService
{
    /// <summary>The environment variable holding the signing secret.</summary>
    public const string SecretVariable = "SERENITY_TOKEN_SECRET";

    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;

    /// <summary>A service signing with <paramref name="secret"/> (null or empty: 32 random bytes for this process).</summary>
    public TokenService(string? secret, TimeProvider clock, TimeSpan lifetime)
    {
        _key = string.IsNullOrEmpty(secret) ? RandomNumberGenerator.GetBytes(32) : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _lifetime = lifetime;
    }

    /// <summary>A token for <paramref name="userId"/>, valid for the configured lifetime, and when it expires.</summary>
    public (string Token, DateTime ExpiresAt) Issue(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var expires = _clock.GetUtcNow() + _lifetime;
        var user = Encoding.UTF8.GetBytes(userId);
        var payload = new byte[8 + user.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, expires.ToUnixTimeSeconds());
        user.CopyTo(payload, 8);
        var signature = HMACSHA256.HashData(_key, payload);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()).UtcDateTime;
        return (Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(signature), expiresAt);
    }

    /// <summary>The user of a valid, unexpired token; null for anything else.</summary>
    public string? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024) return null;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return null;
        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }
        if (payload.Length <= 8 || !CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), signature)) return null;
        var expires = BinaryPrimitives.ReadInt64BigEndian(payload);
        if (_clock.GetUtcNow().ToUnixTimeSeconds() >= expires) return null;
        return Encoding.UTF8.GetString(payload, 8, payload.Length - 8);
    }
}
