using Serenity.Actors;

namespace Serenity.Cluster.Sharding;

/// <summary>
/// The local provider's region of one entity type: it creates an entity on its first message, routes
/// messages to it by id, keeps messages for an entity that is passivating and hands them to its next
/// incarnation, and passivates entities idle for <c>passivate-idle-after</c>. The cluster provider
/// puts shards behind RabbitMQ queues; the API is the same.
/// <para>
/// With <see cref="EntityRoutes"/> (the local provider), the region opens a direct route to each running
/// entity for its EntityRefs and closes it before it asks the entity to stop; messages that come through
/// the region anyway (<see cref="CountedEnvelope"/>) are counted off once forwarded, buffered or answered.
/// </para>
/// </summary>
internal sealed class ShardRegionActor : ReceiveActor, IWithTimers
{
    private readonly string _typeName;
    private readonly Func<string, Props> _entityProps;
    private readonly IMessageExtractor _extractor;
    private readonly TimeSpan? _passivateIdleAfter;
    private readonly int _numberOfShards;
    private readonly Dictionary<string, Entity> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _idsByRef = [];
    private readonly Dictionary<string, List<IActorRef>> _shardStopWaiters = new(StringComparer.Ordinal);
    private readonly EntityRoutes? _routes;

    public ShardRegionActor(string typeName, Func<string, Props> entityProps, IMessageExtractor extractor, TimeSpan? passivateIdleAfter, int numberOfShards, EntityRoutes? routes)
    {
        _routes = routes;
        _numberOfShards = numberOfShards;
        _typeName = typeName;
        _entityProps = entityProps;
        _extractor = extractor;
        _passivateIdleAfter = passivateIdleAfter;
        Receive<Passivate>(OnPassivate);
        Receive<Terminated>(OnEntityTerminated);
        Receive<GetShardRegionStats>(_ => Sender.Tell(Stats(), Self));
        Receive<GetCurrentEntities>(_ => Sender.Tell(new CurrentEntities(_entities.Keys.ToHashSet(StringComparer.Ordinal)), Self));
        Receive<PassivateIdleEntities>(_ => PassivateIdle());
        Receive<StopShardEntities>(OnStopShard);
        Receive<CountedEnvelope>(RouteCounted);
        ReceiveAny(Route);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        if (_passivateIdleAfter is { } idle) Timers.StartPeriodicTimer("passivate-idle", PassivateIdleEntities.Instance, idle / 2);
    }

    private void RouteCounted(CountedEnvelope envelope)
    {
        try
        {
            Route(envelope, envelope.EntityId, envelope.Message);
        }
        finally
        {
            _routes!.Routed();
        }
    }

    private void Route(object message)
    {
        var (id, payload) = message is ShardingEnvelope e ? (e.EntityId, e.Message) : (_extractor.EntityId(message), _extractor.EntityMessage(message));
        if (id is null)
        {
            Unhandled(message);
            return;
        }
        Route(message, id, payload);
    }

    private void Route(object message, string id, object payload)
    {
        if (!_entities.TryGetValue(id, out var entity))
        {
            try
            {
                entity = Start(id, ShardOf(message, id));
            }
            catch (Exception failure)
            {
                // One entity that cannot start must not restart the region (and with it every entity).
                Context.GetLogger().Error(failure, $"{_typeName}: cannot start entity '{id}': {failure.Message}");
                Sender.Tell(new Status.Failure(failure), Self);
                return;
            }
        }
        entity.LastMessage = Context.System.Clock.GetUtcNow();
        if (entity.Buffer is { } buffer)
        {
            buffer.Add(new Envelope(payload, Sender));
            return;
        }
        entity.Ref.Tell(payload, Sender);
        OpenRoute(id, entity);
    }

    // After the messages the region holds for the entity: opening earlier could let a sender's next message overtake them.
    private void OpenRoute(string id, Entity entity)
    {
        if (_routes is not null && entity.Route is null) entity.Route = _routes.Open(id, entity.Ref);
    }

    // Before the entity is asked to stop: from here on its messages come through the region (and its buffer).
    private void CloseRoute(string id, Entity entity)
    {
        if (entity.Route is not { } route) return;
        entity.Route = null;
        _routes!.Close(id, route);
    }

    private Entity Start(string id, string shardId)
    {
        var actor = Context.ActorOf(_entityProps(id), Uri.EscapeDataString(id));
        Context.Watch(actor);
        var entity = new Entity(actor, shardId);
        _entities[id] = entity;
        _idsByRef[actor] = id;
        return entity;
    }

    // An envelope may reach a region whose extractor does not know envelopes: hash its id instead.
    private string ShardOf(object message, string id) => message is ShardingEnvelope or CountedEnvelope && _extractor is not HashCodeMessageExtractor
        ? HashCodeMessageExtractor.ShardIdFor(id, _numberOfShards)
        : _extractor is HashCodeMessageExtractor h ? HashCodeMessageExtractor.ShardIdFor(id, h.MaxNumberOfShards) : _extractor.ShardId(message);

    private void OnPassivate(Passivate passivate)
    {
        if (!_idsByRef.TryGetValue(Sender, out var id) || _entities[id].Buffer is not null) return;
        CloseRoute(id, _entities[id]);
        _entities[id].Buffer = [];
        Sender.Tell(passivate.StopMessage, Self);
    }

    private void OnEntityTerminated(Terminated terminated)
    {
        if (!_idsByRef.Remove(terminated.ActorRef, out var id)) return;
        CloseRoute(id, _entities[id]); // it stopped by itself
        var buffered = _entities[id].Buffer;
        var shardId = _entities[id].ShardId;
        var dropped = _entities[id].StoppedWithShard;
        _entities.Remove(id);
        if (dropped)
        {
            // The shard was handed off or lost: its waiting messages are not ours to deliver any more.
            if (_shardStopWaiters.ContainsKey(shardId) && !_entities.Values.Any(e => e.ShardId == shardId)) ReplyShardStopped(shardId);
            return;
        }
        if (buffered is not { Count: > 0 }) return;
        // Messages that arrived while it stopped go to the next incarnation, in order.
        var next = Start(id, shardId);
        foreach (var e in buffered) next.Ref.Tell(e.Message, e.Sender);
        OpenRoute(id, next);
    }

    private void OnStopShard(StopShardEntities stop)
    {
        var inShard = _entities.Values.Where(e => e.ShardId == stop.ShardId).ToList();
        if (!_shardStopWaiters.TryGetValue(stop.ShardId, out var waiters)) _shardStopWaiters[stop.ShardId] = waiters = [];
        waiters.Add(Sender);
        if (inShard.Count == 0)
        {
            ReplyShardStopped(stop.ShardId);
            return;
        }
        foreach (var entity in inShard)
        {
            CloseRoute(_idsByRef[entity.Ref], entity);
            entity.Buffer ??= [];
            entity.StoppedWithShard = true;
            Context.Stop(entity.Ref);
        }
    }

    private void ReplyShardStopped(string shardId)
    {
        if (!_shardStopWaiters.Remove(shardId, out var waiters)) return;
        foreach (var w in waiters) w.Tell(new ShardEntitiesStopped(shardId), Self);
    }

    private void PassivateIdle()
    {
        var now = Context.System.Clock.GetUtcNow();
        foreach (var (id, entity) in _entities)
        {
            if (entity.Buffer is null && now - entity.LastActivity >= _passivateIdleAfter)
            {
                CloseRoute(id, entity);
                entity.Buffer = [];
                entity.Ref.Tell(PoisonPill.Instance, Self);
            }
        }
    }

    private ShardRegionStats Stats() =>
        new(_entities.Values.GroupBy(e => e.ShardId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

    public override string ToString() => $"ShardRegion({_typeName})";

    private sealed class Entity(IActorRef actorRef, string shardId)
    {
        public IActorRef Ref { get; } = actorRef;

        public string ShardId { get; } = shardId;

        /// <summary>When the region last routed a message to it.</summary>
        public DateTimeOffset LastMessage { get; set; }

        /// <summary>The latest of <see cref="LastMessage"/> and the last direct Tell through its route.</summary>
        public DateTimeOffset LastActivity => Route is { LastDirectTicks: > 0 } r && r.LastDirectTicks > LastMessage.UtcTicks
            ? new DateTimeOffset(r.LastDirectTicks, TimeSpan.Zero)
            : LastMessage;

        /// <summary>The open direct route of its EntityRefs, if any.</summary>
        public EntityRoute? Route { get; set; }

        /// <summary>True once its shard was stopped: it is not restarted for waiting messages.</summary>
        public bool StoppedWithShard { get; set; }

        /// <summary>Non-null while the entity is passivating: messages for it wait here.</summary>
        public List<Envelope>? Buffer { get; set; }
    }

    private sealed class PassivateIdleEntities
    {
        public static readonly PassivateIdleEntities Instance = new();
    }
}
