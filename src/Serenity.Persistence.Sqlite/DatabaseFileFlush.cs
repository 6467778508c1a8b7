using Microsoft.Win32.SafeHandles;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// Writes a database file's dirty pages to disk from outside SQLite (an fsync of the file), so that the checkpoint that
/// follows finds little left to sync while it holds the write gate. Only a head start: the checkpoint still syncs the
/// file itself before the log may start over, so durability never rests on this.
/// </summary>
/// <remarks>
/// One descriptor per file, opened on first use and never closed. Closing any descriptor of a file drops every POSIX
/// lock this process holds on it, SQLite's own included, and a connection of the process may be open at any time.
/// A file deleted and created again at the same path keeps the old descriptor: its flush then does nothing useful, and
/// nothing wrong.
/// </remarks>
internal static class DatabaseFileFlush
{
    private static readonly object s_lock = new();
    private static readonly Dictionary<string, SafeFileHandle> s_handles = new(StringComparer.Ordinal);

    /// <summary>Flushes the file at <paramref name="absolutePath"/>; false if it could not (the checkpoint then syncs it all).</summary>
    public static bool TryFlush(string absolutePath)
    {
        try
        {
            RandomAccess.FlushToDisk(HandleOf(absolutePath));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static SafeFileHandle HandleOf(string absolutePath)
    {
        lock (s_lock) // not GetOrAdd: a handle opened twice in a race would be closed by its finalizer, with the locks
        {
            if (!s_handles.TryGetValue(absolutePath, out var handle))
            {
                handle = File.OpenHandle(absolutePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
                s_handles.Add(absolutePath, handle);
            }
            return handle;
        }
    }
}
