namespace Conformance.Fleet.Ingest;

/// <summary>One log of a fleet: its key in every table and its files in reading order (rotations oldest first).</summary>
/// <param name="Key">Unique within a run: the path below the directory or glob base it was found in, with <c>/</c>.</param>
public sealed record FleetLog(string Key, IReadOnlyList<string> Files)
{
    /// <summary>Bytes stored in its files (compressed size for gzip).</summary>
    public long Size => Files.Sum(file => new FileInfo(file).Length);
}
