namespace Serenity.MarketData.Alpaca.Rest;

/// <summary>How an <see cref="AlpacaRestClient"/> reaches the data API and paces itself.</summary>
public sealed record AlpacaRestOptions
{
    /// <summary>The data API's base, e.g. <c>https://data.alpaca.markets/</c>.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The key pair sent as <c>APCA-API-KEY-ID</c> / <c>APCA-API-SECRET-KEY</c>.</summary>
    public required AlpacaCredentials Credentials { get; init; }

    /// <summary>Clock of the rate limiter and of retry waits.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Requests per minute (200 on the free plan, 10,000 paid).</summary>
    public int RequestsPerMinute { get; init; } = 200;

    /// <summary>How often one request is retried after a 429 before giving up.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Wait after a 429 that names none (doubled per retry).</summary>
    public TimeSpan DefaultRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
