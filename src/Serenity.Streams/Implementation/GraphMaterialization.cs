using Serenity.Actors;
using Serenity.Streams.Implementation.Fusing;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Implementation;

/// <summary>
/// One materialization of a closed blueprint: creates every stage's logic with its effective attributes,
/// groups them into interpreters by island, wires connections (typed, one per edge; an edge between
/// islands gets a pair of boundary stages), evaluates the materialized value and starts the interpreters.
/// With <c>into</c> set (sub-fusing) everything joins that running interpreter instead.
/// </summary>
internal static class GraphMaterialization
{
    [ThreadStatic]
    private static ActorMaterializer? t_materializing;

    /// <summary>The materializer creating logics on this thread (for stages whose value needs it eagerly).</summary>
    public static ActorMaterializer? Materializing => t_materializing;

    public static object? Run(Blueprint blueprint, ActorMaterializer materializer, GraphInterpreter? into)
    {
        var previous = t_materializing;
        t_materializing = materializer;
        try
        {
            return RunCore(blueprint, materializer, into);
        }
        finally
        {
            t_materializing = previous;
        }
    }

    private static object? RunCore(Blueprint blueprint, ActorMaterializer materializer, GraphInterpreter? into)
    {
        if (blueprint.Inlets.Length != 0 || blueprint.Outlets.Length != 0)
        {
            throw new ArgumentException("Only a closed graph (no open inlets or outlets) can be materialized", nameof(blueprint));
        }
        var count = blueprint.Stages.Length;
        var shells = new GraphInterpreterShell?[into is null ? blueprint.IslandCount : 1];
        var perShell = new List<GraphStageLogic>?[shells.Length];
        var logics = new GraphStageLogic[count];
        var values = new object?[count];
        var islands = new int[count];
        for (var i = 0; i < count; i++)
        {
            var entry = blueprint.Stages[i];
            var attributes = blueprint.Attributes.And(entry.Attributes);
            islands[i] = into is null ? entry.Island : 0;
            logics[i] = Create(entry.Stage, attributes, out values[i]);
            Bind(logics[i], islands[i], attributes);
        }
        foreach (var edge in blueprint.Edges)
        {
            var from = logics[edge.From.Stage];
            var to = logics[edge.To.Stage];
            if (islands[edge.From.Stage] == islands[edge.To.Stage])
            {
                Wire(from, edge.From.Port, to, edge.To.Port);
                continue;
            }
            var bufferSize = to.BoundaryBufferSize(materializer.Settings.MaxInputBufferSize);
            var (up, down) = from.OutPorts[edge.From.Port].CreateBoundary(bufferSize);
            var boundaryAttributes = Attributes.CreateName("async-boundary");
            var upLogic = Create(up, boundaryAttributes, out _);
            var downLogic = Create(down, boundaryAttributes, out _);
            Bind(upLogic, islands[edge.From.Stage], boundaryAttributes);
            Bind(downLogic, islands[edge.To.Stage], boundaryAttributes);
            Wire(from, edge.From.Port, upLogic, 0);
            Wire(downLogic, 0, to, edge.To.Port);
        }
        foreach (var logic in logics) CheckWired(logic);
        var materialized = blueprint.Mat.Eval(values, 0);
        if (into is not null)
        {
            into.Register(perShell[0] ?? []);
            into.Start(perShell[0] ?? []);
            return materialized;
        }
        for (var i = 0; i < shells.Length; i++)
        {
            if (shells[i] is not { } shell) continue;
            shell.Interpreter.Register(perShell[i]!);
            materializer.Register(shell);
        }
        foreach (var shell in shells) shell?.Start();
        return materialized;

        void Bind(GraphStageLogic logic, int island, Attributes attributes)
        {
            var interpreter = into ?? (shells[island] ??= new GraphInterpreterShell(materializer, materializer.Settings.SyncProcessingLimit)).Interpreter;
            logic.Bind(interpreter, attributes, attributes.GetNameOrDefault(logic.GetType().Name));
            (perShell[island] ??= []).Add(logic);
        }
    }

    private static GraphStageLogic Create(IAtomicStage stage, Attributes attributes, out object? value)
    {
        var logic = stage.CreateLogic(attributes, out value);
        return logic ?? throw new InvalidOperationException($"Stage [{stage}] created no logic");
    }

    private static void Wire(GraphStageLogic from, int outPort, GraphStageLogic to, int inPort)
    {
        var outlet = from.OutPorts[outPort];
        var inlet = to.InPorts[inPort];
        if (from.OutConns[outPort] is not null) throw new InvalidOperationException($"Outlet [{outlet}] of stage [{from}] is connected twice");
        if (to.InConns[inPort] is not null) throw new InvalidOperationException($"Inlet [{inlet}] of stage [{to}] is connected twice");
        var c = outlet.CreateConnection();
        c.OutLogic = from;
        c.InLogic = to;
        c.OutPort = outlet;
        c.InPort = inlet;
        c.SetOutHandler(from.OutHandlers[outPort] ?? throw new InvalidOperationException($"No handler defined in stage [{from}] for port [{outlet}]"));
        c.SetInHandler(to.InHandlers[inPort] ?? throw new InvalidOperationException($"No handler defined in stage [{to}] for port [{inlet}]"));
        from.OutConns[outPort] = c;
        to.InConns[inPort] = c;
    }

    private static void CheckWired(GraphStageLogic logic)
    {
        for (var i = 0; i < logic.InConns.Length; i++)
        {
            if (logic.InConns[i] is null) throw new InvalidOperationException($"Inlet [{logic.InPorts[i]}] of stage [{logic}] is not connected");
        }
        for (var i = 0; i < logic.OutConns.Length; i++)
        {
            if (logic.OutConns[i] is null) throw new InvalidOperationException($"Outlet [{logic.OutPorts[i]}] of stage [{logic}] is not connected");
        }
    }
}

/// <summary>Materializes into a running interpreter (substreams): no new thread, no boundary.</summary>
internal sealed class SubFusingMaterializer(GraphInterpreter interpreter) : IMaterializer
{
    public ActorSystem System => interpreter.Materializer.System;

    public ActorMaterializerSettings Settings => interpreter.Materializer.Settings;

    public TMat Materialize<TMat>(IGraph<ClosedShape, TMat> runnable)
    {
        ArgumentNullException.ThrowIfNull(runnable);
        if (GraphInterpreter.Current != interpreter)
        {
            throw new InvalidOperationException("A sub-fusing materializer can only be used inside its stage's handlers");
        }
        return (TMat)GraphMaterialization.Run(runnable.BlueprintOf(), interpreter.Materializer, interpreter)!;
    }
}
