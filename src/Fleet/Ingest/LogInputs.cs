using System.IO.Enumeration;
using System.Text;
using System.Text.RegularExpressions;
using Conformance.Analyzer.Readers;

namespace Conformance.Fleet.Ingest;

/// <summary>
/// The logs named on the command line: a file is one log, a directory is every file below it, a glob
/// (<c>*</c>, <c>?</c>, <c>**</c>) every file it matches; a log's rotations (<c>LOG.1</c>, <c>LOG.2</c>) stay with it.
/// </summary>
public static class LogInputs
{
    /// <summary>The logs of <paramref name="arguments"/>, in a stable order (by key).</summary>
    /// <exception cref="FileNotFoundException">An argument names nothing: no file, no directory, no match.</exception>
    public static IReadOnlyList<FleetLog> Find(IEnumerable<string> arguments)
    {
        var found = new List<(string Key, string Path)>();
        foreach (var argument in arguments)
        {
            var before = found.Count;
            if (Directory.Exists(argument)) found.AddRange(Below(argument, _ => true));
            else if (File.Exists(argument)) found.Add((Path.GetFileName(argument), Path.GetFullPath(argument)));
            else if (argument.AsSpan().IndexOfAny('*', '?') >= 0) found.AddRange(Glob(argument));
            if (found.Count == before) throw new FileNotFoundException($"{argument}: no such file or directory, or no file matches", argument);
        }
        return Group(found);
    }

    // Links to folders below the directory are not followed, as find and ripgrep do not: a link back up (`up -> ..`)
    // would walk the same logs again without end, a link across would read them twice. A link to a file is a log.
    private static IEnumerable<(string Key, string Path)> Below(string directory, Func<string, bool> matches)
    {
        var root = Path.GetFullPath(directory);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.None };
        var files = new FileSystemEnumerable<string>(root, (ref FileSystemEntry entry) => entry.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        foreach (var file in files)
        {
            var key = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (matches(key)) yield return (key, file);
        }
    }

    // The glob's directory part without wildcards is the base; the rest is matched against paths below it.
    private static IEnumerable<(string Key, string Path)> Glob(string glob)
    {
        var parts = glob.Replace('\\', '/').Split('/');
        var fixedParts = parts.TakeWhile(p => p.AsSpan().IndexOfAny('*', '?') < 0).ToArray();
        var root = fixedParts.Length == 0 ? "." : string.Join('/', fixedParts);
        if (glob.StartsWith('/') && fixedParts.Length == 1) root = "/";
        if (!Directory.Exists(root)) return [];
        var pattern = new Regex("^" + Pattern(parts[fixedParts.Length..]) + "$", RegexOptions.CultureInvariant);
        return Below(root, key => pattern.IsMatch(key));
    }

    // ** is any number of folders (also none), * any name part, ? one character; nothing else is special.
    private static string Pattern(IReadOnlyList<string> parts)
    {
        var pattern = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part == "**") { pattern.Append(i == parts.Count - 1 ? ".*" : "(?:[^/]+/)*"); continue; }
            pattern.Append(Regex.Escape(part).Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal)).Append('/');
        }
        return pattern.ToString().TrimEnd('/');
    }

    // log.txt.1 and log.txt.2 go with log.txt when it was found too; alone they are logs of their own.
    private static List<FleetLog> Group(List<(string Key, string Path)> found)
    {
        var paths = found.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var logs = new List<FleetLog>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        // A file found twice (named and in a folder, or through a link to it) is one log, keyed by its own path, not the link's.
        foreach (var (key, path) in found.OrderBy(f => IsLink(f.Path)).DistinctBy(f => Target(f.Path)))
        {
            if (RotationOf(path) is { } current && paths.Contains(current)) continue;
            // Its rotations beside it come along, also those a glob did not match (modem.log.1 for modem*.log).
            var files = LogFiles.Rotation(path);
            // The same name below two arguments: the full path keeps the keys apart.
            // A key is a path: the secret policy masks it once here, so that it joins the same in every table.
            var masked = LogKeys.Of(key, path);
            logs.Add(new FleetLog(keys.Add(masked) ? masked : LogKeys.Of(path.Replace('\\', '/'), path), files));
        }
        return [.. logs.OrderBy(l => l.Key, StringComparer.Ordinal)];
    }

    /// <summary>The file a link ends at; the path itself when it is no link (or a broken one, whose read reports it).</summary>
    private static string Target(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path;
        }
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static string? RotationOf(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot > 0 && dot < path.Length - 1 && path[(dot + 1)..].All(char.IsAsciiDigit) ? path[..dot] : null;
    }
}
