using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Serenity.Tickstore.Format;

/// <summary>Reads a whole tick file into a pooled buffer and checks it; the caller returns the buffer.</summary>
internal static class FileReading
{
    /// <summary>
    /// The checked reader of <paramref name="path"/>; throws <see cref="TickstoreCorruptionException"/> when the file is
    /// damaged or disagrees with the index (<paramref name="checksum"/>, <paramref name="rows"/>).
    /// </summary>
    public static TickFileReader Open(string path, string name, uint checksum, int rows, out byte[] buffer)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (FileNotFoundException e)
        {
            throw new TickstoreCorruptionException($"{name}: file is missing", e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new TickstoreCorruptionException($"{name}: file is missing", e);
        }
        using (handle)
        {
            var length = RandomAccess.GetLength(handle);
            if (length > int.MaxValue) throw new TickstoreCorruptionException($"{name}: file too large");
            buffer = ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                var read = 0;
                while (read < length)
                {
                    var n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read);
                    if (n == 0) break;
                    read += n;
                }
                var file = TickFileReader.Open(buffer, read, name);
                if (file.Checksum != checksum) throw new TickstoreCorruptionException($"{name}: checksum {file.Checksum:x8} differs from the index's {checksum:x8}");
                if (file.RowCount != rows) throw new TickstoreCorruptionException($"{name}: {file.RowCount} rows, the index says {rows}");
                return file;
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }
    }
}
