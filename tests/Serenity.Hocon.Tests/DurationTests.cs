namespace Serenity.Hocon.Tests;

public class DurationTests
{
    public static TheoryData<string, long> Durations => new()
    {
        { "100ns", 1 },
        { "1500 ns", 15 },
        { "3 nanoseconds", 0 },
        { "10us", 100 },
        { "10µs", 100 },
        { "10 micros", 100 },
        { "10 microseconds", 100 },
        { "250ms", 250 * TimeSpan.TicksPerMillisecond },
        { "250 millis", 250 * TimeSpan.TicksPerMillisecond },
        { "1 millisecond", TimeSpan.TicksPerMillisecond },
        { "250 milliseconds", 250 * TimeSpan.TicksPerMillisecond },
        { "5s", 5 * TimeSpan.TicksPerSecond },
        { "5 second", 5 * TimeSpan.TicksPerSecond },
        { "5 seconds", 5 * TimeSpan.TicksPerSecond },
        { "1.5s", 15 * TimeSpan.TicksPerSecond / 10 },
        { "2m", 2 * TimeSpan.TicksPerMinute },
        { "2 minutes", 2 * TimeSpan.TicksPerMinute },
        { "1 minute", TimeSpan.TicksPerMinute },
        { "3h", 3 * TimeSpan.TicksPerHour },
        { "3 hours", 3 * TimeSpan.TicksPerHour },
        { "1 hour", TimeSpan.TicksPerHour },
        { "2d", 2 * TimeSpan.TicksPerDay },
        { "1 day", TimeSpan.TicksPerDay },
        { "2 days", 2 * TimeSpan.TicksPerDay },
        { "0.5d", 12 * TimeSpan.TicksPerHour },
        { "-3s", -3 * TimeSpan.TicksPerSecond },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Duration_units(string text, long ticks)
    {
        var config = Hocon.Parse($"d = {text}");

        Assert.Equal(TimeSpan.FromTicks(ticks), config.GetTimeSpan("d"));
    }

    [Theory]
    [InlineData("d = 500", 500)]
    [InlineData("d = \"750\"", 750)]
    [InlineData("d = 0", 0)]
    public void Bare_number_is_milliseconds(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Hocon.Parse(text).GetTimeSpan("d"));

    [Fact]
    public void Infinite_is_the_infinite_timespan() =>
        Assert.Equal(Timeout.InfiniteTimeSpan, Hocon.Parse("d = infinite").GetTimeSpan("d"));

    [Fact]
    public void Quoted_durations_are_accepted() =>
        Assert.Equal(TimeSpan.FromSeconds(2), Hocon.Parse("d = \"2 s\"").GetTimeSpan("d"));

    [Theory]
    [InlineData("5 fortnights")]
    [InlineData("s")]
    [InlineData("5S")]
    [InlineData("[1]")]
    [InlineData("{ a = 1 }")]
    public void Invalid_durations_are_config_errors(string text)
    {
        var error = Assert.Throws<ConfigException>(() => Hocon.Parse($"d = {text}").GetTimeSpan("d"));

        Assert.Equal("d", error.Path);
        Assert.Contains("expected a duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_duration_uses_the_default() =>
        Assert.Equal(TimeSpan.FromSeconds(3), Hocon.Parse("a = 1").GetTimeSpan("d", TimeSpan.FromSeconds(3)));
}
