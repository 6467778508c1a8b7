using Serenity.MarketData;
using Serenity.Tickstore;

// Usage: Serenity.Tickstore.CrashWriter <root> <symbol> <yyyy-MM-dd>
// Inserts a new version of the day's bars (close 999) and, after the data file is renamed into place but before the
// index row commits, prints "renamed <path>" and waits to be killed. Exits by itself after 60 s.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Serenity.Tickstore.CrashWriter <root> <symbol> <yyyy-MM-dd>");
    return 2;
}
var date = DateOnly.ParseExact(args[2], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
using var parked = new ManualResetEventSlim();
using var store = new TickStore(new TickStoreOptions
{
    Root = args[0],
    AfterFileRenamed = path =>
    {
        Console.WriteLine($"renamed {path}");
        Console.Out.Flush();
        parked.Wait(TimeSpan.FromSeconds(60));
        Environment.Exit(3);
    },
});
var t = date.ToDateTime(new TimeOnly(14, 30), DateTimeKind.Utc);
store.Insert(args[1], date, [new Bar(args[1], t, 999m, 999m, 999m, 999m, 1m, 1, 999m)]);
return 0;
