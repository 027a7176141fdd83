namespace Conformance.Fleet.Ingest;

/// <summary>One log of a fleet: its key in every table and its files in reading order (rotations oldest first).</summary>
/// <param name="Key">Unique within a run: the path below the directory or glob base it was found in, with <c>/</c>.</param>
/// <param name="Error">Why the walk found it but it cannot be read (a folder it may not list, a FIFO …); null for a log to read.</param>
public sealed record FleetLog(string Key, IReadOnlyList<string> Files, string? Error = null)
{
    /// <summary>Bytes stored in its files (compressed size for gzip, packed size in a zip archive); 0 for an entry that is no log.</summary>
    public long Size => Error is null ? Files.Sum(SizeOf) : 0;

    /// <summary>The bytes of <paramref name="file"/>, of the file a link ends at (not the link's own few bytes); 0 when it cannot be read.</summary>
    public static long SizeOf(string file)
    {
        if (!File.Exists(file) && Analyzer.Readers.ArchiveMembers.Split(file) is var (archive, member)) return Analyzer.Readers.ArchiveMembers.StoredSize(archive, member);
        try
        {
            var info = new FileInfo(file);
            return (info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
