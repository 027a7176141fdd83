using System.Globalization;

namespace Conformance.Analyzer.Readers;

/// <summary>Finds the files of a rotated log: <c>log.txt.2</c>, <c>log.txt.1</c>, <c>log.txt</c>, oldest first.</summary>
public static class LogFiles
{
    /// <summary>
    /// The files a log named on the command line is read from: one name brings its rotations (standard input,
    /// <c>-</c>, has none); several names are read exactly as given, in that order.
    /// </summary>
    /// <remarks>An archive named as one (zip, tar) that holds one log is that log (<see cref="ArchiveMembers"/>).</remarks>
    public static IReadOnlyList<string> Of(IReadOnlyList<string> names) =>
        names is [var single] && single != "-" ? ArchiveMembers.IsArchive(single) && OnlyLog(single) is { } member ? [member] : Rotation(single) : names;

    private static string? OnlyLog(string archive)
    {
        try
        {
            return ArchiveMembers.Logs(archive) is [var only] ? only : null;
        }
        catch (LogReadException)
        {
            return null;   // reading it says why
        }
    }

    /// <summary>
    /// The given file and its numbered rotations beside it, oldest (highest number) first: <c>log.txt.1</c>, and as
    /// logrotate compresses them, <c>log.txt.2.gz</c>.
    /// </summary>
    public static IReadOnlyList<string> Rotation(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var name = Path.GetFileName(full);
        return Rotation(full, Directory.Exists(directory) ? Directory.EnumerateFiles(directory, name + ".*") : []);
    }

    /// <summary>
    /// Like <see cref="Rotation(string)"/>, the rotations found among <paramref name="beside"/>: the files of its folder,
    /// listed once by a caller that asks for many logs of one folder (a fleet's thousands).
    /// </summary>
    public static IReadOnlyList<string> Rotation(string path, IEnumerable<string> beside)
    {
        var full = Path.GetFullPath(path);
        var name = Path.GetFileName(full);
        var rotated = new List<(int Number, string Path)>();
        foreach (var candidate in beside)
        {
            // Names that merely start like it, and the name itself, are no rotation.
            if (Number(Path.GetFileName(candidate), name) is { } number) rotated.Add((number, candidate));
        }
        return [.. rotated.OrderByDescending(r => r.Number).ThenBy(r => r.Path, StringComparer.Ordinal).Select(r => r.Path), full];
    }

    /// <summary>The current log a rotated file belongs to (<c>log.txt</c> for <c>log.txt.2</c> or <c>log.txt.2.gz</c>); null for a file that is no rotation.</summary>
    public static string? CurrentOf(string path)
    {
        var file = Path.GetFileName(path);
        var end = file.EndsWith(".gz", StringComparison.Ordinal) ? file.Length - 3 : file.Length;
        var dot = file.LastIndexOf('.', end - 1);
        if (dot <= 0 || Number(file, file[..dot]) is null) return null;
        return path[..(path.Length - file.Length + dot)];
    }

    // The rotation number of file as a rotation of name: `name.N` or `name.N.gz`; null when it is none.
    private static int? Number(string file, string name)
    {
        if (!file.StartsWith(name + ".", StringComparison.Ordinal)) return null;
        var suffix = file.AsSpan(name.Length + 1);
        if (suffix.EndsWith(".gz", StringComparison.Ordinal)) suffix = suffix[..^3];
        return suffix.Length > 0 && !suffix.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
