using System.Diagnostics;
using Npgsql;
using Serenity.Actors;
using Serenity.Cluster.Membership;
using Serenity.Cluster.Provider;
using Serenity.Cluster.RabbitMq.Membership;
using Serenity.Cluster.RabbitMq.Sharding;
using Serenity.Cluster.RabbitMq.Storage;
using Serenity.Cluster.RabbitMq.Transport;
using Serenity.Cluster.Sharding;

namespace Serenity.Cluster.RabbitMq;

/// <summary>
/// The cluster provider (<c>serenity.actor.provider = cluster</c>,
/// <c>serenity.cluster.provider-class = "Serenity.Cluster.RabbitMq.RabbitMqClusterProvider, Serenity.Cluster.RabbitMq"</c>):
/// membership and leases in PostgreSQL, shard queues, pub/sub and replies in RabbitMQ. Constructed by
/// <see cref="ClusterProvider.Get"/>: it creates its tables if absent, registers the node, connects to
/// the broker and marks the node Up, or fails start-up with the reason (never with a secret).
/// </summary>
public sealed class RabbitMqClusterProvider : IClusterProvider, IAsyncDisposable
{
    private static readonly TimeSpan s_connectTimeout = TimeSpan.FromSeconds(30);
    private readonly ActorSystem _system;
    private readonly NpgsqlDataSource _dataSource;
    private readonly RabbitMqNode _node;
    private readonly PubSubTransport _pubSub;
    private readonly LeaseStore _leases;
    private readonly MembershipStore _store;
    private readonly TaskCompletionSource _left = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MembershipView _view = new();
    private readonly IActorRef _membership;
    private readonly List<IActorRef> _managers = [];
    private readonly object _gate = new();
    private Task? _leave;

    /// <summary>Connects this node to the cluster.</summary>
    public RabbitMqClusterProvider(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        Settings = ClusterSettings.FromConfig(system.Settings.Config);
        _dataSource = CreateDataSource(Settings.PostgresConnection);
        var store = _store = new MembershipStore(_dataSource, Settings.PostgresSchema, Settings.ClusterName);
        _leases = new LeaseStore(_dataSource, Settings.PostgresSchema, Settings.ClusterName);
        var codec = new MessageCodec(Persistence.Persistence.Get(system).Serialization);
        long incarnation;
        try
        {
            ClusterSchema.MigrateAsync(_dataSource, Settings.PostgresSchema).GetAwaiter().GetResult();
            incarnation = store.RegisterAsync(Settings.NodeName, Settings.Address, Settings.Roles).GetAwaiter().GetResult();
            _node = RabbitMqNode.ConnectAsync(Settings, codec, system.LoggerFor("cluster"), s_connectTimeout).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            _dataSource.Dispose();
            throw new InvalidOperationException($"cluster: cannot reach PostgreSQL ({e.GetType().Name}; connection string not shown)", e);
        }
        _pubSub = new PubSubTransport(_node, system, Settings);
        _pubSub.StartAsync().GetAwaiter().GetResult();
        _node.Connection.ConnectionShutdownAsync += (_, _) =>
        {
            DropAllShards();
            return Task.CompletedTask;
        };
        _node.Connection.RecoverySucceededAsync += async (_, _) => await _pubSub.StartAsync().ConfigureAwait(false);
        store.SetStatusAsync(Settings.NodeName, incarnation, MemberStatus.Up).GetAwaiter().GetResult();
        _membership = ClusterProvider.SystemActorOf(system, Props.Create(() => new MembershipActor(Settings, store, _view, incarnation, DropAllShards, LeaveOnRequest)), "cluster-membership");
        system.Log.Info($"cluster: {Settings} joined (incarnation {incarnation})");
    }

    /// <summary>The settings in use.</summary>
    public ClusterSettings Settings { get; }

    /// <summary>The membership as last read (every heartbeat).</summary>
    public IReadOnlyList<Member> Members => _view.Members;

    /// <summary>This node as last read.</summary>
    public Member? SelfMember => _view.Self;

    /// <summary>
    /// Completes once this node has left the cluster gracefully (Removed), whether <see cref="LeaveAsync"/> was called
    /// here or another node asked it to leave (<see cref="RequestLeaveAsync"/>); the host then shuts the node down.
    /// </summary>
    public Task Left => _left.Task;

    /// <summary>
    /// Asks <paramref name="member"/> (this node or another) to leave gracefully: its row becomes Leaving; the member
    /// sees that on its next heartbeat and leaves as <see cref="LeaveAsync"/> does. False if it is not Joining or Up.
    /// </summary>
    public Task<bool> RequestLeaveAsync(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return _store.RequestLeaveAsync(member.NodeId, member.Incarnation);
    }

    /// <summary>
    /// Declares <paramref name="member"/> Down now (an operator's decision, before <c>stable-after</c> would). Its leases
    /// still run out as usual: a node downed while alive keeps nothing it cannot renew, finds itself Down on its next
    /// heartbeat, drops its shards and joins again. False if it was already Down.
    /// </summary>
    public Task<bool> DownAsync(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return _store.SetStatusAsync(member.NodeId, member.Incarnation, MemberStatus.Down);
    }

    /// <inheritdoc />
    public void Publish(string topic, object message, IActorRef? sender) => _pubSub.Publish(topic, message);

    /// <inheritdoc />
    public Task TopicSubscribedAsync(string topic) => _pubSub.BindAsync(topic);

    /// <inheritdoc />
    public Task TopicUnsubscribedAsync(string topic) => _pubSub.UnbindAsync(topic);

    /// <inheritdoc />
    public IActorRef StartRegion(string typeName, Func<string, Props> entityProps, IMessageExtractor extractor, ShardingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = new ShardNames(Settings.ClusterName, typeName, options.NumberOfShards);
        names.DeclareQueuesAsync(_node.Connection).GetAwaiter().GetResult();
        var escaped = Uri.EscapeDataString(typeName);
        IActorRef? host = null;
        if (Settings.HostsShards)
        {
            _leases.EnsureAsync(names.ShardIds.Select(names.Lease).ToList()).GetAwaiter().GetResult();
            host = ClusterProvider.SystemActorOf(_system, LocalShardHost.Props(typeName, entityProps, extractor, options.PassivateIdleAfter, options.NumberOfShards), "sharding-host-" + escaped);
            var manager = ClusterProvider.SystemActorOf(_system, Props.Create(() => new ShardManagerActor(Settings, _node, _leases, _view, names, host, Settings.ShardRole, rebalance: true)), "sharding-manager-" + escaped);
            lock (_gate) _managers.Add(manager);
        }
        return ClusterProvider.SystemActorOf(_system, Props.Create(() => new RegionProxyActor(_node, names, extractor, host)), "sharding-" + escaped);
    }

    /// <inheritdoc />
    public IActorRef StartSingleton(string name, Props props, string? role, int bufferSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var typeName = "singleton-" + name;
        var names = new ShardNames(Settings.ClusterName, typeName, 1, bufferSize);
        names.DeclareQueuesAsync(_node.Connection).GetAwaiter().GetResult();
        var extractor = new SingletonExtractor();
        var escaped = Uri.EscapeDataString(typeName);
        IActorRef? host = null;
        if (string.IsNullOrEmpty(role) || Settings.Roles.Contains(role))
        {
            _leases.EnsureAsync([names.Lease("0")]).GetAwaiter().GetResult();
            host = ClusterProvider.SystemActorOf(_system, LocalShardHost.Props(typeName, _ => props, extractor, null, 1), "singleton-host-" + escaped);
            var manager = ClusterProvider.SystemActorOf(_system, Props.Create(() => new ShardManagerActor(Settings, _node, _leases, _view, names, host, role ?? "", false)), "singleton-manager-" + escaped);
            lock (_gate) _managers.Add(manager);
        }
        return ClusterProvider.SystemActorOf(_system, Props.Create(() => new RegionProxyActor(_node, names, extractor, host)), "singleton-proxy-" + escaped);
    }

    /// <summary>The shards this node owns now, per entity type, with their lease epochs.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>> OwnedShardsAsync(TimeSpan timeout)
    {
        var owned = await Task.WhenAll(Managers().Select(m => m.Ask<OwnedShards>(GetOwnedShards.Instance, timeout))).ConfigureAwait(false);
        return owned.ToDictionary(o => o.TypeName, o => o.Epochs, StringComparer.Ordinal);
    }

    /// <summary>
    /// Leaves gracefully (also what a host does on SIGTERM before it terminates the system): Leaving (this
    /// node takes no shard and hands off every one it owns, singletons included, at once rather than at
    /// the next heartbeat), then Exiting once none is owned (or after <paramref name="timeout"/>), then
    /// Removed. A second call waits for the first. Terminate the system afterwards. A leave that cannot
    /// finish (PostgreSQL unreachable) is logged; the shards still held are then dropped at shutdown and
    /// their messages redelivered.
    /// </summary>
    public Task LeaveAsync(TimeSpan timeout)
    {
        lock (_gate) return _leave ??= LeaveOnceAsync(timeout);
    }

    private async Task LeaveOnceAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await SetSelfStatusAsync(MemberStatus.Leaving, timeout).ConfigureAwait(false);
            foreach (var manager in Managers()) manager.Tell(ShardTick.Instance, ActorRefs.NoSender);
            while (clock.Elapsed < timeout)
            {
                // A manager answers once its hand-offs are done (it takes no message while one runs).
                var owned = await OwnedShardsAsync(timeout - clock.Elapsed).ConfigureAwait(false);
                if (owned.Values.All(o => o.Count == 0)) break;
                await Task.Delay(Settings.HeartbeatInterval / 10).ConfigureAwait(false);
            }
            await SetSelfStatusAsync(MemberStatus.Exiting, timeout).ConfigureAwait(false);
            await SetSelfStatusAsync(MemberStatus.Removed, timeout).ConfigureAwait(false);
            _system.Log.Info($"cluster: {Settings.NodeName} left the cluster in {clock.Elapsed.TotalMilliseconds:0} ms");
            _left.TrySetResult();
        }
        catch (Exception e) when (e is AskTimeoutException or NpgsqlException or TimeoutException)
        {
            _system.Log.Warning($"cluster: graceful leave did not finish ({e.Message}); shards still held are dropped at shutdown and their messages redelivered");
        }
    }

    private Task SetSelfStatusAsync(MemberStatus status, TimeSpan timeout) =>
        _membership.Ask<MembershipActor.Done>(new MembershipActor.SetSelfStatus(status), timeout);

    private IActorRef[] Managers()
    {
        lock (_gate) return [.. _managers];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Every actor has stopped (consumers closed, entities stopped): free the leases for the others now.
        try
        {
            await _leases.ReleaseAllAsync(Settings.NodeName).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            _system.Log.Warning($"cluster: cannot release leases at shutdown: {e.Message}");
        }
        await _node.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Another node asked this one to leave (its membership actor saw the row Leaving): leave, off the actor's thread.</summary>
    private void LeaveOnRequest()
    {
        var timeout = Settings.HandOffTimeout * 2 > TimeSpan.FromSeconds(20) ? Settings.HandOffTimeout * 2 : TimeSpan.FromSeconds(20);
        _ = Task.Run(() => LeaveAsync(timeout)); // logs its own outcome
    }

    private void DropAllShards()
    {
        foreach (var m in Managers()) m.Tell(Sharding.DropAllShards.Instance, ActorRefs.NoSender);
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("the cluster's PostgreSQL connection string is malformed (its text is not shown: it may hold a password)", e.InnerException);
        }
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "serenity-cluster";
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase)) builder.MaxPoolSize = 5;
        return NpgsqlDataSource.Create(builder);
    }
}
