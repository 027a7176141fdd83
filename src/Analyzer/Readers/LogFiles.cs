using System.Globalization;

namespace Conformance.Analyzer.Readers;

/// <summary>Finds the files of a rotated log: <c>log.txt.2</c>, <c>log.txt.1</c>, <c>log.txt</c>, oldest first.</summary>
public static class LogFiles
{
    /// <summary>
    /// The files a log named on the command line is read from: one name brings its rotations (standard input,
    /// <c>-</c>, has none); several names are read exactly as given, in that order.
    /// </summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<string> names) =>
        names is [var single] && single != "-" ? Rotation(single) : names;

    /// <summary>The given file and its numbered rotations beside it, oldest (highest number) first.</summary>
    public static IReadOnlyList<string> Rotation(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var name = Path.GetFileName(full);
        var rotated = new List<(int Number, string Path)>();
        if (Directory.Exists(directory))
        {
            foreach (var candidate in Directory.EnumerateFiles(directory, name + ".*"))
            {
                var file = Path.GetFileName(candidate);
                if (!file.StartsWith(name + ".", StringComparison.Ordinal)) continue; // the pattern also matches the name itself
                var suffix = file[(name.Length + 1)..];
                if (suffix.Length > 0 && suffix.All(char.IsAsciiDigit) && int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    rotated.Add((number, candidate));
            }
        }
        return [.. rotated.OrderByDescending(r => r.Number).Select(r => r.Path), full];
    }
}
