namespace Serenity.Server.Hosting;

/// <summary>The server's command line: <c>[--config FILE] [--urls URLS] [--data DIR] [--help]</c>.</summary>
public sealed record CommandLine(SerenityHostOptions Options, bool ShowHelp, string? Error)
{
    /// <summary>The text of <c>--help</c>.</summary>
    public const string Usage = """
        Serenity server: one node (actor system, SQLite journal, market data, REST API, WebSocket push, dashboard).

        usage: dotnet run --project src/Serenity.Server -- [options]
               dotnet run --project src/Serenity.Server -- <subcommand> [arguments]   (<subcommand> --help for its own)

        options:
          --config FILE   a HOCON file layered over the defaults (hocon/serenity.conf and serenity.server)
          --urls URLS     where to listen, e.g. http://127.0.0.1:5080 (default: serenity.server.urls)
          --data DIR      folder of the SQLite journal and snapshots and of the tickstore (DIR/tickstore; default: ./data)
          -h, --help      show this help and exit

        environment:
          SERENITY__SECTION__KEY   overrides serenity.section.key (e.g. SERENITY__SERVER__URLS, SERENITY__MARKET_DATA__SOURCE)
          SERENITY_TOKEN_SECRET    secret that signs login tokens (default: random per process)
          SERENITY_ADMIN_TOKEN     enables /api/admin/* for this bearer token
          ALPACA_KEY_ID, ALPACA_SECRET_KEY   Alpaca credentials for serenity.market-data.source = alpaca

        Ctrl-C (or SIGTERM) shuts down gracefully: in-flight requests finish, WebSockets close, actors stop, the live
        bars are flushed to the tickstore, the journal is flushed and closed.
        """;

    /// <summary>The full <c>--help</c> text: <see cref="Usage"/> and the subcommands.</summary>
    public static string HelpText => Usage + Environment.NewLine + Environment.NewLine + "subcommands:" + Environment.NewLine + Subcommands.HelpText();

    /// <summary>Parses <paramref name="args"/>.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SerenityHostOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    return new CommandLine(options, true, null);
                case "--config" or "--urls" or "--data":
                    if (i + 1 >= args.Count) return new CommandLine(options, false, $"{arg} needs a value");
                    var value = args[++i];
                    options = arg switch
                    {
                        "--config" => options with { ConfigFile = value },
                        "--urls" => options with { Urls = value },
                        _ => options with { DataDirectory = value },
                    };
                    break;
                default:
                    return new CommandLine(options, false, $"unknown argument: {arg}");
            }
        }
        return new CommandLine(options, false, null);
    }
}
