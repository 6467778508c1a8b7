namespace Serenity.Streams.Implementation;

/// <summary>
/// A token bucket on a clock's timestamps: <c>capacity</c> tokens at most, one token every
/// <c>per / tokens</c>, full at start. Token arrivals are computed from the start time in exact integer
/// arithmetic (no accumulated rounding), so the long-run rate is exact even when the timers that wait
/// for tokens fire late. Taking more tokens than there are leaves a debt; <see cref="Offer"/> returns how
/// long until the debt is paid, and later offers repay it first.
/// </summary>
internal sealed class TokenBucket
{
    private readonly long _capacity;
    private readonly long _tokensPerPeriod;
    private readonly long _period; // in timestamp units
    private long _start;
    private long _generated;
    private long _available;

    public TokenBucket(long capacity, long tokensPerPeriod, long periodInTimestampUnits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokensPerPeriod);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodInTimestampUnits);
        _capacity = capacity;
        _tokensPerPeriod = tokensPerPeriod;
        _period = periodInTimestampUnits;
    }

    /// <summary>Starts full at <paramref name="now"/>.</summary>
    public void Init(long now)
    {
        _start = now;
        _generated = 0;
        _available = _capacity;
    }

    /// <summary>Tokens available now (negative: debt).</summary>
    public long Available(long now)
    {
        Refill(now);
        return _available;
    }

    /// <summary>Takes <paramref name="cost"/> tokens; returns 0 if they were there, else the wait (timestamp units) until they are.</summary>
    public long Offer(long cost, long now)
    {
        Refill(now);
        _available -= cost;
        if (_available >= 0) return 0;
        // The debt is paid when the generated count reaches _generated - _available.
        var due = TimeOfToken(_generated - _available);
        return Math.Max(1, due - now);
    }

    /// <summary>The earliest time (timestamp units) at which <paramref name="count"/> tokens are available.</summary>
    public long WhenAvailable(long count, long now)
    {
        Refill(now);
        return _available >= count ? now : TimeOfToken(_generated + (count - _available));
    }

    /// <summary>When the token numbered <paramref name="count"/> (counted from the start) arrives.</summary>
    public long TimeOfToken(long count) =>
        _start + (long)(((Int128)count * _period + _tokensPerPeriod - 1) / _tokensPerPeriod);

    private void Refill(long now)
    {
        var generated = (long)((Int128)(now - _start) * _tokensPerPeriod / _period);
        if (generated <= _generated) return;
        _available = Math.Min(_capacity, _available + (generated - _generated));
        _generated = generated;
    }
}

/// <summary>Conversions between a clock's timestamps and time spans.</summary>
internal static class Timestamps
{
    public static long ToTimestampUnits(TimeProvider clock, TimeSpan span) =>
        (long)((Int128)span.Ticks * clock.TimestampFrequency / TimeSpan.TicksPerSecond);

    public static TimeSpan ToTimeSpan(TimeProvider clock, long units) =>
        TimeSpan.FromTicks((long)(((Int128)units * TimeSpan.TicksPerSecond + clock.TimestampFrequency - 1) / clock.TimestampFrequency));
}
