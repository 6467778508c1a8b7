using System.Text.Json;
using Serenity.Cmd.Parsing;
using Spectre.Console;

namespace Serenity.Cmd.Commands;

/// <summary>The HTTP request a command makes of the node's admin listener.</summary>
internal sealed record NodeRequest(HttpMethod Method, string Path)
{
    /// <summary>A GET of <paramref name="path"/> (under <c>/pbm/v1</c>).</summary>
    public static NodeRequest Get(string path) => new(HttpMethod.Get, path);

    /// <summary>A POST to <paramref name="path"/> (under <c>/pbm/v1</c>).</summary>
    public static NodeRequest Post(string path) => new(HttpMethod.Post, path);
}

/// <summary>
/// How a command runs: the request it makes, and how it renders the answer (a whole JSON document; for a
/// <paramref name="Streams"/> command, each JSON line as it arrives, until Ctrl-C).
/// </summary>
internal sealed record CommandHandler(Func<Invocation, NodeRequest> Request, Action<IAnsiConsole, JsonElement> Render, bool Streams = false);
