namespace Conformance.Analyzer.Readers;

/// <summary>
/// Logs inside an archive, each named <c>ARCHIVE!/path/in/it.log</c> (the separator <c>!/</c> as Java's <c>jar:</c> URLs
/// write it): customers send their logs packed, a fleet's by the thousand. A zip archive (<see cref="ZipMembers"/>) and a
/// tar archive, plain or packed with gzip (<see cref="TarMembers"/>), are read so. A folder entry, and the
/// <c>__MACOSX/</c> and <c>._NAME</c> copies a Mac adds, hold no log.
/// </summary>
public static class ArchiveMembers
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
    /// True when <paramref name="path"/> is named as an archive (<c>.zip</c>, <c>.tar</c>, <c>.tar.gz</c>, <c>.tgz</c>) and
    /// starts as one does. Only such a name is opened to look: a FIFO or <c>/dev/stdin</c> is read once, by the reader.
    /// (An archive named otherwise is named for what it is when read.)
    /// </summary>
    public static bool IsArchive(string path) => ZipMembers.Is(path) || TarMembers.Is(path);

    // By its bytes: an archive named otherwise is read as what it is, once its reader has told it is one.
    private static bool IsZip(string archive) => Archive.IsZip(Head.Of(archive, 4));

    /// <summary>What an archive is, as messages say it: <c>zip</c> or <c>tar</c>.</summary>
    public static string KindOf(string archive) => IsZip(archive) ? "zip" : "tar";

    /// <summary>The names (<c>ARCHIVE!/MEMBER</c>) of the logs in an archive, in the archive's order.</summary>
    /// <exception cref="LogReadException">The archive cannot be read.</exception>
    public static IReadOnlyList<string> Logs(string archive)
    {
        var members = IsZip(archive) ? ZipMembers.List(archive) : TarMembers.List(archive);
        var logs = members.Where(member => IsLog(member.Name)).ToList();
        Stored[archive] = logs.DistinctBy(member => member.Name).ToDictionary(member => member.Name, member => member.Stored, StringComparer.Ordinal);
        return [.. logs.Select(member => archive + Separator + member.Name)];
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

    /// <summary>A member named so holds a log: not a folder, nor a Mac's copy of a file's attributes.</summary>
    internal static bool IsLog(string member) =>
        !member.EndsWith('/') && !member.StartsWith("__MACOSX/", StringComparison.Ordinal) && !Path.GetFileName(member).StartsWith("._", StringComparison.Ordinal);

    /// <summary>The member's bytes as stored (a gzip member is unpacked by the reader, as a gzip file is).</summary>
    /// <exception cref="LogReadException">The archive cannot be read, or holds no such member.</exception>
    public static Stream Open(string archive, string member) =>
        IsLog(member) ? IsZip(archive) ? ZipMembers.Open(archive, member) : TarMembers.Open(archive, member)
            : throw NoSuch(archive, member);

    internal static LogReadException NoSuch(string archive, string member) =>
        new($"no such file in {Path.GetFileName(archive)}", archive + Separator + member);

    /// <summary>A member's bytes, streamed once; its <see cref="Length"/> is known (the archive says it) for the progress shown.</summary>
    internal sealed class Member(Stream data, long length, IDisposable? archive) : Stream
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
            // A tar member's bytes end where the next header begins.
            var n = read < length ? data.Read(buffer[..(int)Math.Min(buffer.Length, length - read)]) : 0;
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
                archive?.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
