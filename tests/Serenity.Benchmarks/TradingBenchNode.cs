using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Serenity.Server.Hosting;

namespace Serenity.Benchmarks;

/// <summary>
/// A real Serenity node for the trading benchmarks (Kestrel on a free loopback port, SQLite with its durable defaults
/// in a temp folder, the simulator, rate limits off) plus an HTTP client that keeps enough connections open.
/// </summary>
internal sealed class TradingBenchNode : IAsyncDisposable
{
    /// <summary>Extra HOCON for a diagnostic run (e.g. the memory journal); unset for the reported figures.</summary>
    public const string ExtraHoconVariable = "SERENITY_BENCH_HOCON";

    private readonly DirectoryInfo _folder;

    private TradingBenchNode(SerenityHost host, DirectoryInfo folder)
    {
        Host = host;
        _folder = folder;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1_000, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        Orders = new LeanOrderClient(new IPEndPoint(IPAddress.Parse(host.BaseAddress.Host), host.BaseAddress.Port));
    }

    public SerenityHost Host { get; }

    /// <summary>The size of the node's SQLite write-ahead log(s) now, in bytes (the log grows while the checkpoint cannot catch up).</summary>
    public long WriteAheadLogBytes() => _folder.EnumerateFiles("*-wal", SearchOption.AllDirectories).Sum(f => f.Length);

    public HttpClient Http { get; }

    /// <summary>The load generator of the order benchmarks (HttpClient stays for set-up and for reading answers).</summary>
    public LeanOrderClient Orders { get; }

    public static async Task<TradingBenchNode> StartAsync(string extraHocon)
    {
        var folder = Directory.CreateTempSubdirectory("serenity-bench-trading-");
        // The order benchmarks keep their node for the whole child process and never dispose it: without this, every
        // run left its journal (1-2 GB after orders_sustained) in the temp folder.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(folder);
        var hocon = """
            serenity.server.rate-limit.permits-per-second = 0
            serenity.server.rate-limit.auth-permits-per-second = 0
            serenity.server.ask-timeout = 30s
            serenity.trading.quote-timeout = 30s
            """ + Environment.NewLine + extraHocon + Environment.NewLine + Environment.GetEnvironmentVariable(ExtraHoconVariable);
        var host = await SerenityHost.StartAsync(SerenityHostOptions.ForTesting(folder.FullName, hocon));
        await host.Context.Board.FirstQuote.WaitAsync(TimeSpan.FromSeconds(30));
        return new TradingBenchNode(host, folder);
    }

    /// <summary>Registers and logs in <paramref name="count"/> users (a few at a time: PBKDF2 is CPU-bound); returns their tokens.</summary>
    public async Task<string[]> UsersAsync(string prefix, int count)
    {
        var tokens = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var body = new { user_id = $"{prefix}{i}", password = "benchmark password" };
            using (var r = await Http.PostAsync("/api/register", Json(body))) Expect(r, HttpStatusCode.Created);
            using var login = await Http.PostAsync("/api/login", Json(body));
            Expect(login, HttpStatusCode.OK);
            using var doc = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
            tokens[i] = doc.RootElement.GetProperty("token").GetString()!;
        });
        return tokens;
    }

    /// <summary>Submits one order through the lean client; true when it was accepted (201).</summary>
    public async Task<bool> OrderAsync(string token, byte[] body) => await Orders.SubmitAsync(token, body) == (int)HttpStatusCode.Created;

    /// <summary>Submits one order; whether it was accepted (201) and the answer's body.</summary>
    public async Task<(bool Accepted, string Body)> OrderWithAnswerAsync(string token, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        return (response.StatusCode == HttpStatusCode.Created, answer);
    }

    public static byte[] OrderBody(string symbol, string side, int quantity) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { symbol, side, quantity }));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Orders.Dispose();
        await Host.DisposeAsync();
        DeleteQuietly(_folder);
    }

    private static void DeleteQuietly(DirectoryInfo folder)
    {
        try
        {
            folder.Refresh();
            if (folder.Exists) folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // best effort: a leftover temp folder must not fail the benchmark
        }
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status) throw new InvalidOperationException($"expected {status}, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
    }
}
