using System.Text;
using System.Text.RegularExpressions;
using Conformance.Analyzer.Readers;
using Conformance.Fleet.Export;

namespace Conformance.Fleet.Ingest;

/// <summary>
/// The logs named on the command line: a file is one log, a directory is every file below it, a glob
/// (<c>*</c>, <c>?</c>, <c>**</c>) every file it matches; a log's rotations (<c>LOG.1</c>, <c>LOG.2.gz</c>) stay with it.
/// What a walk finds but cannot read as a log (a folder it may not list, a FIFO, a name that is not UTF-8) is a log
/// with an <see cref="FleetLog.Error"/>, so that one such entry never ends the job.
/// </summary>
public static class LogInputs
{
    /// <summary>The logs of <paramref name="arguments"/>, in a stable order (by key).</summary>
    /// <param name="outputs">Files and folders the command writes: a walk leaves them out, so a second run does not read the first one's output.</param>
    /// <exception cref="FileNotFoundException">An argument names nothing: no file, no directory, no match.</exception>
    public static IReadOnlyList<FleetLog> Find(IEnumerable<string> arguments, IEnumerable<string>? outputs = null) =>
        Find(arguments, outputs, folder => new DirectoryInfo(folder).EnumerateFileSystemInfos());

    /// <summary>As <see cref="Find(IEnumerable{string}, IEnumerable{string}?)"/>, listing each folder with <paramref name="list"/>.</summary>
    internal static IReadOnlyList<FleetLog> Find(IEnumerable<string> arguments, IEnumerable<string>? outputs, Func<string, IEnumerable<FileSystemInfo>> list)
    {
        var walk = new Walk((outputs ?? []).Select(FullPath).ToHashSet(StringComparer.Ordinal), list);
        var found = new List<Found>();
        foreach (var argument in arguments)
        {
            if (argument == "-")
                throw new FileNotFoundException("-: standard input is one log, and a fleet is read from files and folders: save it to a file, or analyze it without --parquet", argument);
            var before = found.Count;
            if (Directory.Exists(argument)) found.AddRange(walk.Below(argument, _ => true));
            // A file named on its own is read whatever it is: a FIFO named so is the user's choice.
            else if (File.Exists(argument)) found.AddRange(Members(new(Path.GetFileName(argument), Path.GetFullPath(argument), null)));
            else if (argument.AsSpan().IndexOfAny('*', '?') >= 0) found.AddRange(Glob(argument, walk));
            if (found.Count == before)
                throw new FileNotFoundException(FileNames.IsNotUtf8(argument)
                    ? $"{argument}: {FileNames.NotUtf8}"
                    : $"{argument}: no such file or directory, or no file matches", argument);
        }
        return Group(found);
    }

    private static string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>A file a walk found: a log to read, or (with <paramref name="Error"/>) an entry that cannot be one.</summary>
    private sealed record Found(string Key, string Path, string? Error);

    private sealed class Walk(HashSet<string> outputs, Func<string, IEnumerable<FileSystemInfo>> list)
    {
        // Links to folders below the directory are not followed, as find and ripgrep do not: a link back up (`up -> ..`)
        // would walk the same logs again without end, a link across would read them twice. A link to a file is a log.
        public IEnumerable<Found> Below(string directory, Func<string, bool> matches)
        {
            var root = FullPath(directory);
            var folders = new Stack<string>([root]);
            while (folders.TryPop(out var folder))
            {
                var key = Key(root, folder, directory);
                List<FileSystemInfo> entries = [];
                string? why = null;
                try
                {
                    entries = [.. list(folder)];
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    why = FileNames.IsNotUtf8(folder) ? FileNames.NotUtf8 : e is UnauthorizedAccessException ? "permission denied" : e.Message;
                }
                // One folder the walk may not list is reported and left out; the other logs are read.
                if (why is not null) yield return new(key, folder, $"{folder}: the folder cannot be read, its logs are left out: {why}");
                foreach (var entry in entries.OrderByDescending(e => e.Name, StringComparer.Ordinal))
                {
                    var path = entry.FullName;
                    if (outputs.Contains(path)) continue;
                    if (entry is DirectoryInfo)
                    {
                        // An earlier Parquet export (`analyze . --parquet out`, then `fleet .`) is the program's own output, no logs.
                        if ((entry.Attributes & FileAttributes.ReparsePoint) == 0 && !ParquetExport.IsExport(path)) folders.Push(path);
                        continue;
                    }
                    var entryKey = Key(root, path, directory);
                    if (!matches(entryKey)) continue;
                    if (FileNames.IsNotUtf8(entry.Name)) yield return new(entryKey, path, $"{path}: {FileNames.NotUtf8}");
                    // A FIFO would wait for a writer for ever, a device never end: a walk reads regular files only.
                    else if (FileKind.NotRegular(path) is { } kind)
                        yield return new(entryKey, path, $"{path}: is {kind}, not a regular file: not read (name it on its own to read it)");
                    else foreach (var log in Members(new(entryKey, path, null))) yield return log;
                }
            }
        }
    }

    /// <summary>An archive's logs (zip, tar), each one of its own keyed <c>ARCHIVE!/MEMBER</c> (<see cref="ArchiveMembers"/>); any other file itself.</summary>
    private static IEnumerable<Found> Members(Found file)
    {
        if (file.Error is not null || !ArchiveMembers.IsArchive(file.Path)) return [file];
        try
        {
            var members = ArchiveMembers.Logs(file.Path);
            // An archive that holds no file is said, not passed over: every file the user gave is in the report.
            if (members.Count == 0) return [file with { Error = $"{file.Path}: is a {ArchiveMembers.KindOf(file.Path)} archive that holds no file" }];
            return [.. members.Select(member => member[file.Path.Length..]).Select(member => new Found(file.Key + member, file.Path + member, null))];
        }
        catch (LogReadException e)
        {
            // A damaged archive is one log that cannot be read, not the end of the job.
            return [file with { Error = e.Message }];
        }
    }

    private static string Key(string root, string path, string argument) =>
        path == root ? argument.Replace('\\', '/') : Path.GetRelativePath(root, path).Replace('\\', '/');

    // The glob's directory part without wildcards is the base; the rest is matched against paths below it.
    private static IEnumerable<Found> Glob(string glob, Walk walk)
    {
        var parts = glob.Replace('\\', '/').Split('/');
        var fixedParts = parts.TakeWhile(p => p.AsSpan().IndexOfAny('*', '?') < 0).ToArray();
        var root = fixedParts.Length == 0 ? "." : string.Join('/', fixedParts);
        if (glob.StartsWith('/') && fixedParts.Length == 1) root = "/";
        if (!Directory.Exists(root)) return [];
        var pattern = new Regex("^" + Pattern(parts[fixedParts.Length..]) + "$", RegexOptions.CultureInvariant);
        return walk.Below(root, key => pattern.IsMatch(key));
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
    private static List<FleetLog> Group(List<Found> found)
    {
        var paths = found.Where(f => f.Error is null).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var logs = new List<FleetLog>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        // Each folder listed once for the rotations of all its logs: a listing per log is quadratic in a folder of thousands.
        var folders = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string[] Beside(string path)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            // A zip archive's rotations (`at.log.1` beside `at.log` in it) are among the members found.
            if (ArchiveMembers.Split(path) is not null)
                return folders.TryGetValue(folder, out var members) ? members
                    : folders[folder] = [.. paths.Where(p => Path.GetDirectoryName(p) == folder)];
            if (!folders.TryGetValue(folder, out var files))
                folders[folder] = files = Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
            return files;
        }
        // A file found twice (named and in a folder, or through a link to it) is one log, keyed by its own path, not the link's.
        foreach (var (key, path, error) in found.OrderBy(f => IsLink(f.Path)).DistinctBy(f => Target(f.Path)))
        {
            if (error is null && LogFiles.CurrentOf(path) is { } current && paths.Contains(current)) continue;
            // Its rotations beside it come along, also those a glob did not match (modem.log.1 for modem*.log).
            var files = error is null ? LogFiles.Rotation(path, Beside(path)) : [path];
            // The same name below two arguments: the full path keeps the keys apart.
            // A key is a path: the secret policy masks it once here, so that it joins the same in every table.
            var masked = LogKeys.Of(key, path);
            logs.Add(new FleetLog(keys.Add(masked) ? masked : LogKeys.Of(path.Replace('\\', '/'), path), files, error));
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
}
