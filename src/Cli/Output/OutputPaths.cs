using Conformance.Analyzer.Readers;

namespace Conformance.Cli.Output;

/// <summary>
/// Every file and folder a command will write, checked together before any work starts: each can be written, none is
/// one of the command's inputs, no two are the same. The one place these checks live, for every verb.
/// </summary>
internal sealed class OutputPaths
{
    private readonly List<(string Option, string Path)> _folders = [];
    private readonly List<(string Option, string Path)> _files = [];
    private readonly List<string> _inputs = [];

    /// <summary>The name that stands for standard output where an option takes a file.</summary>
    public const string StandardOutput = "-";

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// A file <paramref name="option"/> names (nothing when null, or <c>-</c> when the option offers
    /// <paramref name="standardOutput"/>; where it does not, <c>-</c> is refused rather than written as a file of that name).
    /// </summary>
    public OutputPaths File(string option, string? path, bool standardOutput = false)
    {
        if (path is not null && !(standardOutput && path == StandardOutput)) _files.Add((option, path));
        return this;
    }

    /// <summary>A folder <paramref name="option"/> names, created when missing (nothing when null).</summary>
    public OutputPaths Folder(string option, string? path)
    {
        if (path is not null) _folders.Add((option, path));
        return this;
    }

    /// <summary>A file the command reads, which no output may replace (nothing when null).</summary>
    public OutputPaths Input(string? path)
    {
        if (path is not null) _inputs.Add(path);
        return this;
    }

    /// <summary>Whether every output can be written; if not, says why in one line on <paramref name="error"/>. Creates missing folders.</summary>
    public bool Check(TextWriter error)
    {
        if (Problem() is not { } problem) return true;
        error.WriteLine(ErrorText.Line(problem));
        return false;
    }

    private string? Problem()
    {
        foreach (var (option, path) in _folders)
            if (CheckFolder(option, path) is { } problem) return problem;
        for (var i = 0; i < _files.Count; i++)
        {
            var (option, path) = _files[i];
            if (CheckFile(option, path) is { } problem) return problem;
            if (_inputs.FirstOrDefault(input => SameFile(input, path)) is { } input)
                return $"{option} {path} is an input of this command ({input}); it would be overwritten: name another file";
            if (_files.Take(i).FirstOrDefault(other => SameFile(other.Path, path)) is { Option: not null } earlier)
                return $"{option} {path} is also the {earlier.Option} output: name another file";
        }
        return null;
    }

    /// <summary>Whether <paramref name="path"/> lies below <paramref name="folder"/>, through relative parts and symbolic links.</summary>
    public static bool IsInside(string path, string folder) =>
        Real(path).StartsWith(Path.TrimEndingDirectorySeparator(Real(folder)) + Path.DirectorySeparatorChar, PathComparison);

    /// <summary>Whether two paths name the same file, through relative parts and symbolic links.</summary>
    public static bool SameFile(string a, string b) => string.Equals(Real(a), Real(b), PathComparison);

    private static string? CheckFolder(string option, string path)
    {
        if (path.Length == 0) return $"{option}: the folder name is empty";
        if (NotUtf8(option, path) is { } notUtf8) return notUtf8;
        if (System.IO.File.Exists(path)) return $"{option} {path} is a file, not a folder";
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{option} {path}: cannot create the folder: {e.Message}";
        }
        return CanCreateIn(Path.GetFullPath(path)) is { } why ? $"{option} {path}: cannot write in the folder: {why}" : null;
    }

    // .NET holds such a name with U+FFFD in place of the bytes: it would write a file of another name than the one given.
    private static string? NotUtf8(string option, string path) => FileNames.IsNotUtf8(path)
        ? $"{option} {path}: the name is not valid UTF-8 (shown with \uFFFD), and would be written under another name; name it in UTF-8"
        : null;

    private static string? CheckFile(string option, string path)
    {
        if (path.Length == 0) return $"{option}: the file name is empty";
        if (NotUtf8(option, path) is { } notUtf8) return notUtf8;
        if (path == StandardOutput) return $"{option} - would write a file named '-', not standard output: name a file (./- if that is meant)";
        if (Directory.Exists(path)) return $"{option} {path} is a folder: name a file in it";
        string folder;
        try
        {
            folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{option} {path} is not a usable file name: {e.Message}";
        }
        if (!Directory.Exists(folder)) return $"{option} {path}: there is no folder {folder}";
        var why = IsDevice(path) ? CanOpen(path) : CanCreateIn(folder);
        return why is null ? null : $"{option} {path} cannot be written: {why}";
    }

    /// <summary>
    /// Whether <paramref name="path"/> is an existing device such as <c>/dev/stdout</c> or <c>/dev/null</c>: written
    /// in place, never replaced by a file.
    /// </summary>
    public static bool IsDevice(string path) =>
        !OperatingSystem.IsWindows() && Path.GetFullPath(path).StartsWith("/dev/", StringComparison.Ordinal) && System.IO.File.Exists(path);

    private static string? CanOpen(string device)
    {
        try
        {
            using var probe = new FileStream(device, FileMode.Open, FileAccess.Write);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    // Creating a file is the only reliable test of permissions, read-only mounts and pseudo file systems like /proc.
    private static string? CanCreateIn(string folder)
    {
        var probe = Path.Combine(folder, $".conformance-{Guid.NewGuid():N}.tmp");
        try
        {
            using var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The probe's name is the program's own: the user named the folder.
            return e.Message.Replace(probe, folder, StringComparison.Ordinal);
        }
    }

    // The path with every symbolic link on the way resolved, as far as the file system says.
    private static string Real(string path)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full);
        if (parent is null) return full;
        var joined = Path.Combine(Real(parent), Path.GetFileName(full));
        try
        {
            return new FileInfo(joined).ResolveLinkTarget(returnFinalTarget: true) is { } target ? Real(target.FullName) : joined;
        }
        catch (IOException)
        {
            return joined;   // a link loop: as written
        }
    }
}
