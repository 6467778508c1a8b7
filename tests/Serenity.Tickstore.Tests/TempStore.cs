using Serenity.Actors;
using Serenity.MarketData;

namespace Serenity.Tickstore.Tests;

/// <summary>A store in a fresh temp folder on a virtual clock; deleted on dispose.</summary>
public sealed class TempStore : IDisposable
{
    public static readonly DateOnly Day = new(2024, 3, 4);

    public TempStore(DateTimeOffset? start = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "serenity-tickstore-tests", Guid.NewGuid().ToString("N"));
        Clock = new VirtualTimeProvider(start ?? new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero));
        Store = new TickStore(new TickStoreOptions { Root = Root, Clock = Clock });
    }

    public string Root { get; }

    public VirtualTimeProvider Clock { get; }

    public TickStore Store { get; private set; }

    /// <summary>Closes and opens the store again (as a new process would).</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = new TickStore(new TickStoreOptions { Root = Root, Clock = Clock });
    }

    public static DateTime At(DateOnly day, int hour, int minute) => day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);

    /// <summary>Minute bars from 14:30 with closes base, base+0.01, ...</summary>
    public static List<Bar> Minutes(string symbol, DateOnly day, int count, decimal basePrice = 100m, int startHour = 14, int startMinute = 30) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var c = basePrice + (i * 0.01m);
            return new Bar(symbol, At(day, startHour, startMinute).AddMinutes(i), c - 0.005m, c + 0.02m, c - 0.02m, c, 100 + i, 3 + i, c);
        })];

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
