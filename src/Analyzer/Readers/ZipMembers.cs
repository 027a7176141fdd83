using System.IO.Compression;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Logs inside a zip archive, each named <c>ARCHIVE.zip!/path/in/it.log</c> (the separator <c>!/</c> as Java's <c>jar:</c>
/// URLs write it): customers send their logs zipped, a fleet's by the thousand. A member is read where it lies, unpacked
/// as it streams; nothing is written to disk. A folder entry, and the <c>__MACOSX/</c> copies a Mac's Finder adds, hold no log.
/// </summary>
public static class ZipMembers
{
    public const string Separator = "!/";

    /// <summary>The archive and the member a name points at; null for any other name (or an archive that does not exist).</summary>
    public static (string Archive, string Member)? Split(string name)
    {
        for (var at = name.IndexOf(Separator, StringComparison.Ordinal); at > 0; at = name.IndexOf(Separator, at + Separator.Length, StringComparison.Ordinal))
            if (File.Exists(name[..at])) return (name[..at], name[(at + Separator.Length)..]);
        return null;
    }

    /// <summary>
    /// True when <paramref name="path"/> is named <c>.zip</c> and starts as a zip archive does. Only such a name is opened to
    /// look: a FIFO or <c>/dev/stdin</c> is read once, by the reader. (A zip named otherwise is named for what it is when read.)
    /// </summary>
    public static bool IsZip(string path)
    {
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            Span<byte> head = stackalloc byte[4];
            return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head is [(byte)'P', (byte)'K', 3 or 5, 4 or 6];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;   // the read says why
        }
    }

    /// <summary>The names (<c>ARCHIVE!/MEMBER</c>) of the logs in an archive, in the archive's order.</summary>
    /// <exception cref="LogReadException">The archive cannot be read.</exception>
    public static IReadOnlyList<string> Logs(string archive)
    {
        try
        {
            using var zip = ZipFile.OpenRead(archive);
            var logs = zip.Entries.Where(IsLog).ToList();
            Stored[archive] = logs.DistinctBy(entry => entry.FullName).ToDictionary(entry => entry.FullName, entry => entry.CompressedLength, StringComparer.Ordinal);
            return [.. logs.Select(entry => archive + Separator + entry.FullName)];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new LogReadException($"is not a readable zip archive: {e.Message}", archive, inner: e);
        }
    }

    // The bytes each member takes in its archive, from the listing Logs read: a fleet's thousands of members are listed once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, long>> Stored = new(StringComparer.Ordinal);

    /// <summary>The bytes a member takes in its archive (packed); 0 when unknown.</summary>
    public static long StoredSize(string archive, string member)
    {
        if (!Stored.ContainsKey(archive))
        {
            try
            {
                Logs(archive);
            }
            catch (LogReadException)
            {
                return 0;
            }
        }
        return Stored.TryGetValue(archive, out var sizes) && sizes.TryGetValue(member, out var size) ? size : 0;
    }

    private static bool IsLog(ZipArchiveEntry entry) =>
        !entry.FullName.EndsWith('/') && !entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) && !entry.Name.StartsWith("._", StringComparison.Ordinal);

    /// <summary>The member's bytes as stored (a gzip member is unpacked by the reader, as a gzip file is).</summary>
    /// <exception cref="LogReadException">The archive cannot be read, or holds no such member.</exception>
    public static Stream Open(string archive, string member)
    {
        ZipArchive? zip = null;
        try
        {
            zip = ZipFile.OpenRead(archive);
            if (zip.GetEntry(member) is not { } entry || !IsLog(entry))
                throw new LogReadException($"no such file in {Path.GetFileName(archive)}", archive + Separator + member);
            return new Member(zip, entry.Open(), entry.Length);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            zip?.Dispose();
            throw new LogReadException($"cannot be read from the archive: {e.Message}", archive + Separator + member, inner: e);
        }
        catch
        {
            zip?.Dispose();
            throw;
        }
    }

    /// <summary>A member's bytes, streamed once; its <see cref="Length"/> is known (the archive says it) for the progress shown.</summary>
    internal sealed class Member(ZipArchive zip, Stream data, long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        private long read;
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = data.Read(buffer);
            read += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                data.Dispose();
                zip.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
