using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serenity.Actors;
using Serenity.Cluster.Sharding;
using Serenity.Server.Api;
using Serenity.Server.Auth;
using Serenity.Server.Hosting;
using PersistenceExtension = Serenity.Persistence.Persistence;

namespace Serenity.Server.Admin;

/// <summary>
/// The operator endpoints for <c>pbm</c>: actor hierarchy, fair-bucket statistics, journal statistics. They need
/// <c>Authorization: Bearer $SERENITY_ADMIN_TOKEN</c> (401 otherwise) and answer 404 when no admin token is set.
/// </summary>
public static class AdminEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").AddEndpointFilter(async (context, next) =>
        {
            var server = context.HttpContext.RequestServices.GetService(typeof(ServerContext)) as ServerContext;
            if (server?.AdminToken is not { } expected) return ApiResults.Error(StatusCodes.Status404NotFound, null, "not found");
            var given = BearerAuthenticationMiddleware.BearerToken(context.HttpContext.Request.Headers.Authorization.ToString()) ?? "";
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            {
                return ApiResults.Error(StatusCodes.Status401Unauthorized, null, "the admin token is required");
            }
            return await next(context);
        }).DisableRateLimiting();
        admin.MapGet("/actors", ActorsAsync);
        admin.MapGet("/bucket", Bucket);
        admin.MapGet("/journal", JournalAsync);
    }

    private static async Task<IResult> ActorsAsync(HttpContext http, ServerContext server)
    {
        var depth = http.QueryInt("depth", 4, 1, 8);
        var limit = http.QueryInt("limit", 2000, 1, 100_000);
        var tree = await ActorTreeAsync(server.System, depth, limit, TimeSpan.FromMilliseconds(300));
        var sharding = ClusterSharding.Get(server.System);
        var regions = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var type in sharding.ShardTypeNames.Order(StringComparer.Ordinal))
        {
            var stats = await sharding.ShardRegion(type).Ask<ShardRegionStats>(GetShardRegionStats.Instance, server.Settings.AskTimeout, http.RequestAborted);
            regions[type] = new { shards = stats.Stats.Count, entities = stats.EntityCount };
        }
        return ApiResults.Json(new
        {
            system = server.System.Name,
            uptime_seconds = (server.System.Clock.GetUtcNow() - server.System.StartTime).TotalSeconds,
            dead_letters = server.System.DeadLetterCount,
            sharding = regions,
            actors = tree.Paths,
            truncated = tree.Truncated,
        });
    }

    /// <summary>The actor paths of <paramref name="system"/> down to <paramref name="depth"/> levels under /user and /system.</summary>
    public static Task<ActorTree> ActorTreeAsync(ActorSystem system, int depth, int limit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(system);
        var reply = new TaskCompletionSource<ActorTree>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inbox = system.ActorOf(Props.Create(() => new ReplyActor(reply)));
        system.ActorOf(ActorTreeCollector.Props(inbox, depth, limit, window));
        return reply.Task;
    }

    private static IResult Bucket(ServerContext server)
    {
        var snapshot = server.MarketData.Bucket.Snapshot();
        return ApiResults.Json(new
        {
            time = snapshot.Time.UtcDateTime,
            accepted = snapshot.Accepted,
            dropped = snapshot.Dropped,
            delivered = snapshot.Delivered,
            queue_length = snapshot.QueueLength,
            keys = snapshot.Keys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => new
            {
                symbol = k.Key,
                accepted = k.Accepted,
                dropped = k.Dropped,
                conflated = k.Conflated,
                delivered = k.Delivered,
                queue_length = k.QueueLength,
                threshold = k.Threshold,
                staleness_ms = k.Staleness.TotalMilliseconds,
                last_wait_ms = k.LastWait.TotalMilliseconds,
            }),
            cleaning_dropped = server.MarketData.Cleaning.Dropped,
            bars_emitted = server.MarketData.Bars.BarsEmitted,
            late_trades_dropped = server.MarketData.Bars.LateTradesDropped,
        });
    }

    private static async Task<IResult> JournalAsync(ServerContext server)
    {
        var j = await JournalStats.CollectAsync(server, CancellationToken.None);
        return ApiResults.Json(new
        {
            plugin = j.Plugin,
            store = j.Store,
            open = j.Open,
            failed = j.Failed,
            snapshot_plugin = j.SnapshotPlugin,
            max_batch_size = j.MaxBatchSize,
            sqlite_path = j.SqlitePath,
            sqlite_file_bytes = j.SqliteFileBytes,
            sqlite_wal_bytes = j.SqliteWalBytes,
            persistent_entities = j.Entities,
        });
    }

    private sealed class ReplyActor : ReceiveActor
    {
        public ReplyActor(TaskCompletionSource<ActorTree> reply) => Receive<ActorTree>(t =>
        {
            reply.TrySetResult(t);
            Context.Stop(Self);
        });
    }
}
