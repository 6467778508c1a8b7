using System.Text.Json;
using Serenity.Cmd.Catalog;
using Serenity.Cmd.Output;
using Spectre.Console;

namespace Serenity.Cmd.Commands;

/// <summary>The <c>cluster</c> palette: show, status, leader, join, leave, down, down-unreachable, tail.</summary>
internal static class ClusterPalette
{
    private static readonly ArgumentSpec Address = new("address", "a member's address, as cluster show lists it");

    public static PaletteSpec Palette { get; } = new("cluster", "cluster membership",
    [
        new CommandSpec("show", "one line per member: address, roles, status; then the count", new CommandHandler(_ => NodeRequest.Get("cluster/members"), RenderShow)),
        new CommandSpec("status", "this node's view: itself, the leader, how many members are up and unreachable", new CommandHandler(_ => NodeRequest.Get("cluster/status"), RenderStatus)),
        new CommandSpec("leader", "the leader's address", new CommandHandler(_ => NodeRequest.Get("cluster/leader"), (c, a) => Show.Line(c, Show.Text(Show.Property(a, "leader"))))),
        new CommandSpec("join", "asks the cluster to let a node join", [Address], [], Membership("join")),
        new CommandSpec("leave", "asks a member to leave gracefully", [Address], [], Membership("leave")),
        new CommandSpec("down", "marks a member down", [Address], [], Membership("down")),
        new CommandSpec("down-unreachable", "marks every unreachable member down",
            new CommandHandler(_ => NodeRequest.Post("cluster/down-unreachable"), RenderMessage)),
        new CommandSpec("tail", "streams membership events until Ctrl-C", new CommandHandler(_ => NodeRequest.Get("cluster/tail"), RenderEvent, Streams: true)),
    ]);

    private static CommandHandler Membership(string verb) =>
        new(i => NodeRequest.Post($"cluster/{verb}?address={i.EscapedArgument(0)}"), RenderMessage);

    private static void RenderMessage(IAnsiConsole console, JsonElement answer) => Show.Line(console, Show.Text(Show.Property(answer, "message")));

    private static void RenderShow(IAnsiConsole console, JsonElement answer)
    {
        Show.Rows(console, Show.Property(answer, "members"), ("Address", "address"), ("Node", "node"), ("Roles", "roles"), ("Status", "status"), ("Reachable", "reachable"));
        Show.Line(console, Show.Invariant($"Count: {Show.Count(answer, "count")} nodes"));
    }

    private static void RenderStatus(IAnsiConsole console, JsonElement answer) => Show.Fields(console, answer,
        ("Provider", "provider"), ("This node", "self.address"), ("Status", "self.status"), ("Roles", "self.roles"), ("Leader", "leader"),
        ("Members", "members"), ("Up", "up"), ("Unreachable", "unreachable"));

    private static void RenderEvent(IAnsiConsole console, JsonElement e) => Show.Line(console,
        $"{Show.Text(Show.Property(e, "event"))} {Show.Text(Show.Property(e, "member.address"))} status={Show.Text(Show.Property(e, "member.status"))} roles={Show.Text(Show.Property(e, "member.roles"))}");
}
