namespace Serenity.TestSupport.PostgreSql;

/// <summary>
/// Finds the PostgreSQL server programs (initdb, pg_ctl, postgres): in <c>SERENITY_POSTGRES_BINDIR</c>
/// when set (and only there), else in <c>pg_config --bindir</c>, else in the newest
/// <c>/usr/lib/postgresql/*/bin</c> (Debian's layout).
/// </summary>
internal sealed record PostgreSqlBinaries(string BinDir)
{
    /// <summary>The variable that names the folder of the server programs explicitly.</summary>
    public const string BinDirVariable = "SERENITY_POSTGRES_BINDIR";

    private static readonly string[] s_programs = ["initdb", "pg_ctl", "postgres"];

    /// <summary>initdb.</summary>
    public string InitDb => Path.Combine(BinDir, "initdb");

    /// <summary>pg_ctl.</summary>
    public string PgCtl => Path.Combine(BinDir, "pg_ctl");

    /// <summary>The binaries, or null with the places that were searched.</summary>
    public static async Task<(PostgreSqlBinaries? Binaries, string Searched)> FindAsync()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(BinDirVariable) is { Length: > 0 } explicitDir)
        {
            candidates.Add(explicitDir);
        }
        else
        {
            if (await PgConfigBinDirAsync().ConfigureAwait(false) is { } fromPgConfig) candidates.Add(fromPgConfig);
            candidates.AddRange(DebianBinDirs());
        }
        var found = candidates.FirstOrDefault(d => s_programs.All(p => File.Exists(Path.Combine(d, p))));
        var searched = candidates.Count == 0
            ? $"pg_config is not on PATH and /usr/lib/postgresql/*/bin does not exist"
            : $"searched {string.Join(", ", candidates)} for {string.Join(", ", s_programs)}";
        return (found is null ? null : new PostgreSqlBinaries(found), searched);
    }

    private static async Task<string?> PgConfigBinDirAsync()
    {
        try
        {
            var result = await ProcessRunner.RunAsync("pg_config", ["--bindir"], TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            return result.ExitCode == 0 && result.Output.Trim() is { Length: > 0 } dir ? dir : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not installed
        }
    }

    private static IEnumerable<string> DebianBinDirs()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return [];
        return Directory.GetDirectories(root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Dir);
    }
}
