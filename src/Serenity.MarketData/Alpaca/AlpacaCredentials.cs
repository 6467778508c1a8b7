namespace Serenity.MarketData.Alpaca;

/// <summary>
/// An Alpaca key pair. Comes from environment variables (directly or through HOCON's <c>${?ALPACA_KEY_ID}</c>);
/// <see cref="ToString"/> never shows the secret, so logging a settings object leaks nothing.
/// </summary>
public sealed class AlpacaCredentials
{
    /// <summary>The environment variable of the key id.</summary>
    public const string KeyIdVariable = "ALPACA_KEY_ID";

    /// <summary>The environment variable of the secret key.</summary>
    public const string SecretKeyVariable = "ALPACA_SECRET_KEY";

    /// <summary>A key pair.</summary>
    public AlpacaCredentials(string keyId, string secretKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        KeyId = keyId;
        SecretKey = secretKey;
    }

    /// <summary>The key id (<c>APCA-API-KEY-ID</c>).</summary>
    public string KeyId { get; }

    /// <summary>The secret (<c>APCA-API-SECRET-KEY</c>). Never log it.</summary>
    public string SecretKey { get; }

    /// <summary>Reads <c>ALPACA_KEY_ID</c> and <c>ALPACA_SECRET_KEY</c>; null when either is unset.</summary>
    public static AlpacaCredentials? FromEnvironment(string keyIdVariable = KeyIdVariable, string secretVariable = SecretKeyVariable)
    {
        var key = Environment.GetEnvironmentVariable(keyIdVariable);
        var secret = Environment.GetEnvironmentVariable(secretVariable);
        return string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret) ? null : new AlpacaCredentials(key, secret);
    }

    /// <summary>Shows the key id's first characters only, and never the secret.</summary>
    public override string ToString() => $"AlpacaCredentials({(KeyId.Length > 4 ? KeyId[..4] : "")}…, secret hidden)";
}
