namespace Serenity.Persistence.Sqlite.Tests;

/// <summary>A fresh folder under the temp directory, deleted with its content on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("serenity-sqlite-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open (a killed process on Windows): the temp directory is cleaned up by the OS.
        }
    }
}
