namespace Serenity.TestSupport.RabbitMq;

/// <summary>Where Debian's rabbitmq-server package put the server scripts and Erlang's epmd.</summary>
internal sealed record RabbitMqInstallation(string Server, string Ctl, string? Epmd)
{
    private static readonly string[] s_scriptDirectories = ["/usr/lib/rabbitmq/bin", "/usr/local/lib/rabbitmq/bin"];

    /// <summary>The installation, or null with why none was found.</summary>
    public static (RabbitMqInstallation? Installation, string Problem) Find()
    {
        // The scripts in /usr/lib/rabbitmq/bin run as the calling user; /usr/sbin/rabbitmq-server would
        // switch to the rabbitmq account, which cannot write our temporary directory.
        foreach (var dir in s_scriptDirectories)
        {
            var server = Path.Combine(dir, "rabbitmq-server");
            var ctl = Path.Combine(dir, "rabbitmqctl");
            if (File.Exists(server) && File.Exists(ctl)) return (new RabbitMqInstallation(server, ctl, FindEpmd()), "");
        }
        return (null, $"rabbitmq-server is not installed (looked in {string.Join(", ", s_scriptDirectories)}; Debian: apt-get install rabbitmq-server)");
    }

    private static string? FindEpmd()
    {
        string[] candidates = ["/usr/bin/epmd", "/usr/lib/erlang/bin/epmd", "/usr/local/bin/epmd"];
        return candidates.FirstOrDefault(File.Exists);
    }
}

/// <summary>No RabbitMQ server can be started on this machine; the message says why.</summary>
internal sealed class RabbitMqUnavailableException(string message) : Exception(message);
