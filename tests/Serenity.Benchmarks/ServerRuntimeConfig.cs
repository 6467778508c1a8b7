using System.Diagnostics;

namespace Serenity.Benchmarks;

/// <summary>
/// Runs a benchmark child with the runtime settings Serenity.Server ships (its <c>Serenity.Server.runtimeconfig.json</c>,
/// which the project reference copies beside the benchmarks: GC mode and the rest of its csproj's runtime options), so
/// the groups that measure a server node measure it as it runs in production, set in one place (the server's csproj).
/// </summary>
internal static class ServerRuntimeConfig
{
    private const string FileName = "Serenity.Server.runtimeconfig.json";

    /// <summary>Makes <paramref name="child"/> run <paramref name="benchmarksDll"/> through <c>dotnet exec --runtimeconfig</c> with the server's file.</summary>
    public static void Apply(ProcessStartInfo child, string benchmarksDll)
    {
        var config = Path.Combine(Path.GetDirectoryName(benchmarksDll)!, FileName);
        if (!File.Exists(config)) throw new FileNotFoundException($"{FileName} is missing beside the benchmarks (built without the Serenity.Server reference?)", config);
        child.FileName = DotnetHost();
        child.ArgumentList.Clear();
        foreach (var a in new[] { "exec", "--runtimeconfig", config, benchmarksDll }) child.ArgumentList.Add(a);
    }

    /// <summary>The <c>dotnet</c> host: this process when it is one, else the one that owns the running runtime.</summary>
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        // The shared runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the host is <root>/dotnet.
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        return Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
    }
}
