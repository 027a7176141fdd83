namespace Conformance.Analyzer.Readers;

/// <summary>
/// Recognises an archive or a compressed file by its first bytes (its magic number), so a customer's upload that is
/// still packed is named for what it is, with the command that unpacks it, instead of being refused as binary data;
/// and the data files this tool writes (DuckDB, Parquet), met in a folder of logs.
/// </summary>
/// <remarks>A gzip file is unpacked where it is read (<see cref="LogInput"/>): a gzip found inside one was packed twice.</remarks>
internal static class Archive
{
    private static readonly (byte[] Magic, int Offset, string What)[] Kinds =
    [
        ("PK\x03\x04"u8.ToArray(), 0, "a zip archive: unpack it first (unzip)"),
        ("PK\x05\x06"u8.ToArray(), 0, "an empty zip archive"),
        ("BZh"u8.ToArray(), 0, "a bzip2 file: unpack it first (bunzip2)"),
        ([0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00], 0, "an xz file: unpack it first (unxz)"),
        ([0x28, 0xB5, 0x2F, 0xFD], 0, "a zstd file: unpack it first (unzstd)"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C], 0, "a 7z archive: unpack it first (7z x)"),
        ("Rar!\x1A\x07"u8.ToArray(), 0, "a RAR archive: unpack it first (unrar x)"),
        ([0x1F, 0x8B], 0, "gzip packed twice: unpack it once more (gunzip)"),
        ("ustar"u8.ToArray(), 257, "a tar archive: unpack it first (tar xf)"),
        ("PAR1"u8.ToArray(), 0, "a Parquet file (read it with DuckDB's read_parquet)"),
        ("DUCK"u8.ToArray(), 8, "a DuckDB database (query it with 'conformance fleet query')"),
    ];

    /// <summary>A zip archive's first bytes (one that holds nothing too).</summary>
    public static bool IsZip(ReadOnlySpan<byte> head) => head is [(byte)'P', (byte)'K', 3 or 5, 4 or 6, ..];

    /// <summary>The bytes that tell a tar archive: its first header's magic, <c>ustar</c> (POSIX and GNU tar write it).</summary>
    public const int TarHead = 262;

    /// <summary>A tar archive's first bytes.</summary>
    public static bool IsTar(ReadOnlySpan<byte> head) => head.Length >= TarHead && head[257..TarHead].SequenceEqual("ustar"u8);

    /// <summary>What <paramref name="head"/> (a file's first bytes, unpacked once if it was gzip) is, when it is an archive; null otherwise.</summary>
    public static string? Of(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, offset, what) in Kinds)
            if (head.Length >= offset + magic.Length && head.Slice(offset, magic.Length).SequenceEqual(magic)) return what;
        return null;
    }
}
