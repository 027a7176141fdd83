using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// The logs of a tar archive (<see cref="ArchiveMembers"/>), plain (<c>.tar</c>) or packed with gzip (<c>.tar.gz</c>,
/// <c>.tgz</c>). A tar has no index: it is read through once, each member's place noted, and a member is then read where it
/// lies. A gzip stream cannot be entered midway, so a packed tar is first unpacked once, whole, to a file in the temporary
/// folder, deleted when the program ends: reading each of its logs from the start would be quadratic in a fleet's bundle.
/// </summary>
internal static class TarMembers
{
    /// <summary>Named as a tar archive (<c>.tar</c>, <c>.tar.gz</c>, <c>.tgz</c>) and starting as one does, or as gzip does.</summary>
    public static bool Is(string path) =>
        (path.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) ||
         path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase)) && (Packed(path) || Archive.IsTar(Head.Of(path, Archive.TarHead)));

    // By its bytes, not its name: a `.tar` that was gzipped is met too.
    private static bool Packed(string path) => Head.Of(path, 2) is [0x1F, 0x8B];

    /// <summary>Where each member's bytes lie in <paramref name="Data"/> (the archive itself, or its unpacked copy).</summary>
    private sealed record Index(string Data, IReadOnlyList<(string Name, long Stored)> Listing, Dictionary<string, (long Offset, long Length)> Members);

    private static readonly ConcurrentDictionary<string, Lazy<Index>> Indexes = new(StringComparer.Ordinal);

    /// <summary>Every file's name and size, in the archive's order (a file added again, as <c>tar -r</c> does, in its first place with its last bytes).</summary>
    /// <exception cref="LogReadException">The archive cannot be read.</exception>
    public static IReadOnlyList<(string Name, long Stored)> List(string archive) => IndexOf(archive).Listing;

    /// <exception cref="LogReadException">The archive cannot be read, or holds no such member.</exception>
    public static Stream Open(string archive, string member)
    {
        var index = IndexOf(archive);
        if (!index.Members.TryGetValue(member, out var at)) throw ArchiveMembers.NoSuch(archive, member);
        try
        {
            var data = new FileStream(index.Data, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            data.Position = at.Offset;
            return new ArchiveMembers.Member(data, at.Length, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LogReadException($"cannot be read from the archive: {e.Message}", archive + ArchiveMembers.Separator + member, inner: e);
        }
    }

    // Read through once per run; a damaged archive stays damaged, so its error is kept too.
    private static Index IndexOf(string archive) => Indexes.GetOrAdd(archive, name => new Lazy<Index>(() => Read(name))).Value;

    private static Index Read(string archive)
    {
        var packed = Packed(archive);
        string? data = null;
        try
        {
            data = packed ? Unpacked(archive) : archive;
            using var file = new FileStream(data, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var tar = new TarReader(file);
            var order = new List<string>();
            var members = new Dictionary<string, (long Offset, long Length)>(StringComparer.Ordinal);
            while (tar.GetNextEntry() is { } entry)
            {
                // Links, devices and a GNU tar's volume labels hold no bytes of their own.
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile)) continue;
                var name = entry.Name.TrimStart('/');
                while (name.StartsWith("./", StringComparison.Ordinal)) name = name[2..];
                if (!members.ContainsKey(name)) order.Add(name);
                members[name] = (entry.DataOffset, entry.Length);
            }
            return new Index(data, [.. order.Select(name => (name, members[name].Length))], members);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            if (packed && data is not null) File.Delete(data);
            var why = e is EndOfStreamException ? "it is cut short, ending inside a file" : e.Message;
            throw new LogReadException($"is not a readable tar archive: {why}", archive, inner: e);
        }
    }

    private static int unpacked;

    private static string Unpacked(string archive)
    {
        var copy = Path.Combine(Folder.Value, $"{Interlocked.Increment(ref unpacked)}.tar");
        try
        {
            using var stored = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
            using var gzip = new GZipStream(stored, CompressionMode.Decompress);
            using var file = new FileStream(copy, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
            gzip.CopyTo(file);
            return copy;
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
    }

    // One folder per process, deleted when it ends; a folder a killed run left is deleted by the next.
    private static readonly Lazy<string> Folder = new(() =>
    {
        var temp = Path.GetTempPath();
        const string prefix = "conformance-tar-";
        foreach (var left in Directory.EnumerateDirectories(temp, prefix + "*"))
            if (int.TryParse(Path.GetFileName(left)[prefix.Length..], out var pid) && OperatingSystem.IsLinux() && !Directory.Exists($"/proc/{pid}"))
                TryDelete(left);
        var folder = Directory.CreateDirectory(Path.Combine(temp, prefix + Environment.ProcessId)).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    });

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run's, or in use: left for the next run.
        }
    }
}
