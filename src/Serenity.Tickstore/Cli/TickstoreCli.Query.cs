using System.Globalization;
using Serenity.Tickstore.Analytics;
using Serenity.Tickstore.Format;
using Serenity.Tickstore.Series;

namespace Serenity.Tickstore.Cli;

/// <summary>The read-side commands: select (CSV to stdout), versions, delete/undelete.</summary>
public static partial class TickstoreCli
{
    private static int Select(string[] args, TextWriter stdout)
    {
        var a = Parse(args, ["--symbol", "--start", "--end", "--as-of", "--kind", "--resample"], "--volatility");
        var symbol = a.Required("--symbol");
        var start = a.Time("--start");
        var end = a.Time("--end");
        if (end <= start) throw new UsageException("--end must be after --start");
        DateTimeOffset? asOf = a.OptionalTime("--as-of") is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
        TimeSpan? bucket = null;
        if (a.Optional("--resample") is { } r)
        {
            try
            {
                bucket = Resampler.ParseBucket(r);
            }
            catch (FormatException e)
            {
                throw new UsageException($"bad --resample: {e.Message}", e);
            }
        }
        using var store = OpenStore(a);
        if (Kind(a) == SeriesKind.Quotes)
        {
            if (bucket is not null || a.Flag("--volatility")) throw new UsageException("--resample and --volatility apply to bars only");
            var quotes = store.SelectQuotes(symbol, start, end, asOf);
            stdout.WriteLine("timestamp,symbol,bid_price,bid_size,ask_price,ask_size");
            for (var i = 0; i < quotes.Count; i++)
            {
                var q = quotes[i];
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{q.Timestamp:yyyy-MM-ddTHH:mm:ss.FFFFFFFZ},{q.Symbol},{q.BidPrice},{q.BidSize},{q.AskPrice},{q.AskSize}"));
            }
            return 0;
        }
        var bars = store.Select(symbol, start, end, asOf);
        if (a.Flag("--volatility"))
        {
            stdout.WriteLine("hour,days,returns,mean_realized_volatility");
            foreach (var h in RealizedVolatility.ByHourOfDay(bars)) stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{h.Hour},{h.Days},{h.Returns},{h.MeanRealizedVolatility:G10}"));
            return 0;
        }
        if (bucket is { } size) bars = Resampler.Resample(bars, size);
        WriteBars(stdout, bars);
        return 0;
    }

    private static void WriteBars(TextWriter stdout, BarSeries bars)
    {
        stdout.WriteLine("timestamp,symbol,open,high,low,close,volume,trade_count,vwap");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{b.Timestamp:yyyy-MM-ddTHH:mm:ssZ},{b.Symbol},{b.Open},{b.High},{b.Low},{b.Close},{b.Volume},{b.TradeCount},{b.Vwap}"));
        }
    }

    private static int Versions(string[] args, TextWriter stdout)
    {
        var a = Parse(args, ["--symbol", "--date", "--kind"], "--audit");
        var symbol = a.Required("--symbol");
        var date = a.Date("--date");
        using var store = OpenStore(a);
        if (a.Flag("--audit"))
        {
            stdout.WriteLine("recorded_at,action,version,row_count,reason");
            foreach (var e in store.Audit(symbol, date, Kind(a))) stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.RecordedAt:O},{e.Action},{e.Version},{e.RowCount},{e.Reason}"));
            return 0;
        }
        stdout.WriteLine("version,recorded_from,recorded_to,deleted,rows,checksum,path");
        foreach (var v in store.Versions(symbol, date, Kind(a)))
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{v.Version},{v.RecordedFrom:O},{(v.RecordedTo is { } to ? to.ToString("O", CultureInfo.InvariantCulture) : "")},{(v.Deleted ? "yes" : "no")},{v.RowCount},{v.Checksum:x8},{v.Path}"));
        }
        return 0;
    }

    private static int Mark(string[] args, TextWriter stdout, bool undelete)
    {
        var a = Parse(args, ["--symbol", "--date", "--kind", "--reason"]);
        var symbol = a.Required("--symbol");
        var date = a.Date("--date");
        using var store = OpenStore(a);
        var v = undelete ? store.Undelete(symbol, date, Kind(a), a.Optional("--reason")) : store.Delete(symbol, date, Kind(a), a.Optional("--reason"));
        stdout.WriteLine($"{(undelete ? "undeleted" : "deleted")} {symbol} {date:yyyy-MM-dd}: version {v.Version}");
        return 0;
    }
}
