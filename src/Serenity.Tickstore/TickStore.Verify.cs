using System.Buffers;
using Serenity.Tickstore.Format;
using Serenity.Tickstore.Index;

namespace Serenity.Tickstore;

/// <summary>Checks every indexed file and finds (optionally removes) files no version references.</summary>
public sealed partial class TickStore
{
    /// <summary>
    /// Reads every indexed file and checks it against its checksum and the index; lists files under the root that no
    /// version references (a crash between rename and index commit leaves one) and deletes them when
    /// <paramref name="clean"/>. Holds the write lock meanwhile, so no write is caught half done.
    /// </summary>
    public VerifyReport Verify(bool clean = false)
    {
        lock (_writeLock)
        {
            using var tx = _index.Writer.BeginTransaction(deferred: false);
            var indexed = TickIndex.AllFiles(_index.Writer, tx);
            var referenced = new HashSet<string>(StringComparer.Ordinal);
            var corrupt = new List<string>();
            var checkedFiles = 0;
            foreach (var v in indexed)
            {
                if (!referenced.Add(v.Path!)) continue; // an undelete shares its file
                checkedFiles++;
                try
                {
                    FileReading.Open(StorePaths.Full(Root, v.Path!), v.Path!, v.Checksum, v.RowCount, out var buffer);
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                catch (TickstoreCorruptionException e)
                {
                    corrupt.Add(e.Message);
                }
            }
            var orphans = new List<string>();
            var removed = 0;
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');
                var isData = relative.EndsWith(StorePaths.Extension(SeriesKind.Bars), StringComparison.Ordinal)
                    || relative.EndsWith(StorePaths.Extension(SeriesKind.Quotes), StringComparison.Ordinal)
                    || relative.EndsWith(DurableFile.TempSuffix, StringComparison.Ordinal);
                if (!isData || !relative.Contains('/', StringComparison.Ordinal) || referenced.Contains(relative)) continue;
                orphans.Add(relative);
                if (clean)
                {
                    File.Delete(file);
                    removed++;
                }
            }
            tx.Commit();
            orphans.Sort(StringComparer.Ordinal);
            return new VerifyReport(checkedFiles, corrupt, orphans, removed);
        }
    }
}
