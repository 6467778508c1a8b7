namespace Serenity.Hocon;

/// <summary>Resolves includes as files relative to a folder ("" = the current directory).</summary>
internal sealed class FileIncludeSource : HoconIncludeSource
{
    private readonly string _folder;

    public FileIncludeSource(string folder)
    {
        _folder = folder;
    }

    /// <summary>Include source for the folder holding <paramref name="filePath"/>.</summary>
    public static FileIncludeSource ForFile(string filePath) => new(Path.GetDirectoryName(filePath) ?? string.Empty);

    public override HoconIncludeResult? Open(HoconIncludeKind kind, string name)
    {
        if (kind is not (HoconIncludeKind.File or HoconIncludeKind.Heuristic))
        {
            return null;
        }

        foreach (var candidate in Candidates(kind, name))
        {
            if (File.Exists(candidate))
            {
                return new HoconIncludeResult(File.ReadAllText(candidate), candidate, Path.GetFullPath(candidate), ForFile(candidate));
            }
        }

        return null;
    }

    public override string DescribeMissing(HoconIncludeKind kind, string name) => kind is HoconIncludeKind.File or HoconIncludeKind.Heuristic
        ? "no file " + string.Join(" or ", Candidates(kind, name).Select(c => $"'{c}'"))
        : "no classpath resources when parsing files";

    private IEnumerable<string> Candidates(HoconIncludeKind kind, string name)
    {
        var path = Path.IsPathRooted(name) ? name : Path.Combine(_folder, name);
        yield return path;
        if (kind == HoconIncludeKind.Heuristic && !Path.HasExtension(name))
        {
            yield return path + ".conf";
            yield return path + ".json";
        }
    }
}
