using System.IO.Compression;

namespace Conformance.Analyzer.Readers;

/// <summary>The logs of a zip archive (<see cref="ArchiveMembers"/>): its central directory lists them, each is unpacked as it streams.</summary>
internal static class ZipMembers
{
    /// <summary>Named <c>.zip</c> and starting as a zip archive does.</summary>
    public static bool Is(string path) =>
        path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && Archive.IsZip(Head.Of(path, 4));

    /// <summary>Every entry's name and packed size, in the archive's order.</summary>
    /// <exception cref="LogReadException">The archive cannot be read.</exception>
    public static IReadOnlyList<(string Name, long Stored)> List(string archive)
    {
        try
        {
            using var zip = ZipFile.OpenRead(archive);
            return [.. zip.Entries.Select(entry => (entry.FullName, entry.CompressedLength))];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new LogReadException($"is not a readable zip archive: {e.Message}", archive, inner: e);
        }
    }

    /// <exception cref="LogReadException">The archive cannot be read, or holds no such member.</exception>
    public static Stream Open(string archive, string member)
    {
        ZipArchive? zip = null;
        try
        {
            zip = ZipFile.OpenRead(archive);
            if (zip.GetEntry(member) is not { } entry) throw ArchiveMembers.NoSuch(archive, member);
            return new ArchiveMembers.Member(entry.Open(), entry.Length, zip);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            zip?.Dispose();
            throw new LogReadException($"cannot be read from the archive: {e.Message}", archive + ArchiveMembers.Separator + member, inner: e);
        }
        catch
        {
            zip?.Dispose();
            throw;
        }
    }
}
