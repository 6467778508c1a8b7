using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Serenity.Actors;
using Serenity.Cluster.RabbitMq.Membership;
using Serenity.Cluster.RabbitMq.Storage;
using Serenity.Cluster.RabbitMq.Transport;
using Serenity.Cluster.Sharding;

namespace Serenity.Cluster.RabbitMq.Sharding;

/// <summary>
/// Owns this node's shards of one entity type. Every heartbeat it renews its leases (a shard whose
/// lease was not renewed, or whose epoch changed, is dropped at once: consumer closed, entities
/// stopped), takes free or expired shards up to its fair share, and when it holds more than its share
/// while another eligible member holds less, hands a few off: stop consuming, finish in-flight
/// messages, stop the shard's entities, release the lease.
/// </summary>
internal sealed class ShardManagerActor : ReceiveActor, IWithTimers
{
    private readonly ClusterSettings _settings;
    private readonly RabbitMqNode _node;
    private readonly LeaseStore _leases;
    private readonly MembershipView _view;
    private readonly ShardNames _names;
    private readonly IActorRef _host;
    private readonly Dictionary<string, OwnedShard> _owned = new(StringComparer.Ordinal);
    private readonly ILoggingAdapter _log;
    private readonly string _role;
    private readonly bool _rebalance;
    private readonly DeliveryDispatcher _dispatcher;

    /// <param name="role">Only Up members with this role host the shards ("" = all).</param>
    /// <param name="rebalance">False for singletons: a shard stays where it is until its owner leaves or dies.</param>
    public ShardManagerActor(ClusterSettings settings, RabbitMqNode node, LeaseStore leases, MembershipView view, ShardNames names, IActorRef host, string role, bool rebalance)
    {
        _role = role;
        _rebalance = rebalance;
        _settings = settings;
        _node = node;
        _leases = leases;
        _view = view;
        _names = names;
        _host = host;
        _log = Context.GetLogger();
        _dispatcher = new DeliveryDispatcher(Context.System, node, host, names.TypeName);
        ReceiveAsync<ShardTick>(_ => TickAsync());
        Receive<DropAllShards>(_ => DropAll("told to"));
        Receive<ActorIdentity>(_ => { }); // a singleton's answer to the start below
        Receive<GetOwnedShards>(_ => Sender.Tell(new OwnedShards(_names.TypeName, _owned.ToDictionary(kv => kv.Key, kv => kv.Value.Epoch, StringComparer.Ordinal)), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Timers.StartPeriodicTimer("tick", ShardTick.Instance, _settings.HeartbeatInterval);

    protected override void PostStop()
    {
        foreach (var shard in _owned.Values)
        {
            shard.Invalidate();
            _host.Tell(new StopShardEntities(shard.ShardId), ActorRefs.NoSender);
            _ = CloseAsync(shard.Channel);
        }
        _owned.Clear();
    }

    private async Task TickAsync()
    {
        var started = Stopwatch.GetTimestamp();
        AckOverdue(started);
        IReadOnlyDictionary<string, long> held;
        try
        {
            held = await _leases.RenewAsync(_names.LeasePrefix, _settings.NodeName, _settings.LeaseDuration).ConfigureAwait(true);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            _log.Warning($"{_names.TypeName}: cannot renew shard leases: {e.Message}");
            foreach (var shard in _owned.Values.Where(s => !s.IsValid).ToList()) Lose(shard, "its lease ran out while PostgreSQL was unreachable");
            return;
        }
        // The lease certainly runs until (renewal sent) + duration, minus a margin for clock-rate differences.
        var validUntil = started + (long)((_settings.LeaseDuration.TotalSeconds * 0.9) * Stopwatch.Frequency);
        foreach (var shard in _owned.Values.ToList())
        {
            if (held.TryGetValue(_names.Lease(shard.ShardId), out var epoch) && epoch == shard.Epoch) shard.ValidUntil(validUntil);
            else Lose(shard, "its lease is gone (expired or taken with a newer epoch)");
        }
        try
        {
            await RebalanceTickAsync(held, validUntil).ConfigureAwait(true);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException or AskTimeoutException)
        {
            // Leases not renewed run out by themselves; the next heartbeat tries again.
            _log.Warning($"{_names.TypeName}: shard allocation failed this heartbeat: {e.Message}");
        }
    }

    private async Task RebalanceTickAsync(IReadOnlyDictionary<string, long> held, long validUntil)
    {
        // Leases this node holds without knowing it (a manager restarted): give them back rather than keep renewing them.
        foreach (var (lease, epoch) in held)
        {
            if (!_owned.ContainsKey(_names.ShardOfLease(lease))) await _leases.ReleaseAsync(lease, _settings.NodeName, epoch).ConfigureAwait(true);
        }
        if (_view.Leaving)
        {
            foreach (var shard in _owned.Values.ToList()) await HandOffAsync(shard).ConfigureAwait(true);
            return;
        }
        var eligible = _view.Eligible(_role).Select(m => m.NodeId).ToList();
        var target = _rebalance ? ShardAllocation.Target(_names.NumberOfShards, eligible, _settings.NodeName)
            : eligible.Contains(_settings.NodeName) ? _names.NumberOfShards : 0;
        if (_owned.Count == target) return;
        var leases = await _leases.ReadAsync(_names.LeasePrefix).ConfigureAwait(true);
        if (_owned.Count < target) await AcquireAsync(leases, target, validUntil).ConfigureAwait(true);
        else if (_rebalance) await RebalanceAsync(leases, eligible, target).ConfigureAwait(true);
    }

    /// <summary>
    /// Deliveries still unacknowledged are acknowledged anyway: one nobody waits on after
    /// <c>tell-ack-after</c>, one someone waits on after <c>reply-timeout</c> (the caller gave up).
    /// </summary>
    private void AckOverdue(long now)
    {
        var tellLimit = (long)(_settings.TellAckAfter.TotalSeconds * Stopwatch.Frequency);
        var replyLimit = (long)(_settings.ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        foreach (var shard in _owned.Values)
        {
            foreach (var pending in shard.Pending.Values)
            {
                if (now - pending.Delivered > (pending.ExpectsReply ? replyLimit : tellLimit)) pending.AckAnyway();
            }
        }
    }

    private async Task AcquireAsync(IReadOnlyList<Lease> leases, int target, long validUntil)
    {
        foreach (var lease in leases.Where(l => !l.Live))
        {
            if (_owned.Count >= target) return;
            var shardId = _names.ShardOfLease(lease.Name);
            if (_owned.ContainsKey(shardId)) continue;
            var epoch = await _leases.TryAcquireAsync(lease.Name, _settings.NodeName, _settings.LeaseDuration).ConfigureAwait(true);
            if (epoch is { } e) await StartAsync(shardId, e, validUntil).ConfigureAwait(true);
        }
    }

    private async Task RebalanceAsync(IReadOnlyList<Lease> leases, IReadOnlyList<string> eligible, int target)
    {
        var counts = leases.Where(l => l.Live && l.Owner is not null).GroupBy(l => l.Owner!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var someoneShort = eligible.Any(m => m != _settings.NodeName && counts.GetValueOrDefault(m) < ShardAllocation.Target(_names.NumberOfShards, eligible, m));
        if (!someoneShort) return;
        var give = Math.Min(_owned.Count - target, _settings.RebalanceBatch);
        foreach (var shard in _owned.Values.OrderBy(s => s.ShardId, StringComparer.Ordinal).Take(give).ToList()) await HandOffAsync(shard).ConfigureAwait(true);
    }

    private async Task StartAsync(string shardId, long epoch, long validUntil)
    {
        IChannel? channel = null;
        try
        {
            channel = await _node.Connection.CreateChannelAsync().ConfigureAwait(true);
            await channel.BasicQosAsync(0, _settings.Prefetch, global: false).ConfigureAwait(true);
            var shard = new OwnedShard(shardId, epoch, channel);
            shard.ValidUntil(validUntil);
            _owned[shardId] = shard;
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                _dispatcher.Dispatch(shard, delivery);
                return Task.CompletedTask;
            };
            shard.ConsumerTag = await channel.BasicConsumeAsync(_names.Queue(shardId), autoAck: false, consumer).ConfigureAwait(true);
            _log.Info($"{_names.TypeName}: took shard {shardId} (epoch {epoch})");
            // ClusterSingletonManager semantics: a singleton runs from the moment its node holds the lease, not from its first message.
            if (!_rebalance) _host.Tell(new ShardingEnvelope(SingletonExtractor.Id, new Identify(null)), Self);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException)
        {
            _log.Warning($"{_names.TypeName}: cannot consume shard {shardId}: {e.Message}; releasing it");
            if (_owned.Remove(shardId, out var shard)) shard.Invalidate();
            if (channel is not null) await CloseAsync(channel).ConfigureAwait(true);
            await _leases.ReleaseAsync(_names.Lease(shardId), _settings.NodeName, epoch).ConfigureAwait(true);
        }
    }

    private void Lose(OwnedShard shard, string why)
    {
        shard.Invalidate();
        _owned.Remove(shard.ShardId);
        _host.Tell(new StopShardEntities(shard.ShardId), ActorRefs.NoSender);
        _log.Warning($"{_names.TypeName}: lost shard {shard.ShardId} (epoch {shard.Epoch}): {why}; its entities are stopped");
        _ = CloseAsync(shard.Channel);
    }

    private void DropAll(string why)
    {
        foreach (var shard in _owned.Values.ToList()) Lose(shard, why);
    }

    private async Task HandOffAsync(OwnedShard shard)
    {
        shard.Invalidate();
        _owned.Remove(shard.ShardId);
        try
        {
            if (shard.ConsumerTag is { } tag && shard.Channel.IsOpen) await shard.Channel.BasicCancelAsync(tag).ConfigureAwait(true);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException)
        {
            _log.Debug($"{_names.TypeName}: cancel of shard {shard.ShardId}: {e.Message}");
        }
        var drained = await shard.DrainAsync(_settings.HandOffTimeout).ConfigureAwait(true);
        try
        {
            await _host.Ask<ShardEntitiesStopped>(new StopShardEntities(shard.ShardId), _settings.HandOffTimeout).ConfigureAwait(true);
        }
        catch (AskTimeoutException)
        {
            _log.Warning($"{_names.TypeName}: entities of shard {shard.ShardId} did not stop within {_settings.HandOffTimeout}");
        }
        await CloseAsync(shard.Channel).ConfigureAwait(true);
        await _leases.ReleaseAsync(_names.Lease(shard.ShardId), _settings.NodeName, shard.Epoch).ConfigureAwait(true);
        _log.Info($"{_names.TypeName}: handed shard {shard.ShardId} off{(drained ? "" : " (in-flight messages left for redelivery)")}");
    }

    private async Task CloseAsync(IChannel channel)
    {
        try
        {
            if (channel.IsOpen) await channel.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException or ObjectDisposedException)
        {
            _log.Debug($"{_names.TypeName}: close: {e.Message}");
        }
        finally
        {
            channel.Dispose();
        }
    }
}
