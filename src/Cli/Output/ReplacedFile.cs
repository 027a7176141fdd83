namespace Conformance.Cli.Output;

/// <summary>
/// A file written under a temporary name beside its destination and moved into place only when complete: a run that
/// fails to start, or a write that fails half-way, leaves the earlier file as it was. A device (<c>/dev/stdout</c>)
/// is written in place. A file that must survive a kill mid-write (the trace) is <see cref="Publish"/>ed early instead.
/// </summary>
internal sealed class ReplacedFile : IDisposable
{
    private readonly string? _temporary;   // null for a device, written in place
    private bool _committed;

    private ReplacedFile(string path)
    {
        Path = path;
        if (OutputPaths.IsDevice(path))
        {
            Stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            return;
        }
        var full = System.IO.Path.GetFullPath(path);
        _temporary = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        // Delete sharing: Publish renames the file while it is open (Windows asks for it; Linux does not mind).
        Stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
    }

    /// <summary>Where the file goes once committed.</summary>
    public string Path { get; }

    /// <summary>The temporary file's content so far.</summary>
    public FileStream Stream { get; }

    /// <summary>Starts writing <paramref name="path"/>; nothing is visible there until <see cref="Commit"/>.</summary>
    public static ReplacedFile Create(string path) => new(path);

    /// <summary>Writes <paramref name="path"/> in one go with <paramref name="write"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var file = Create(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>Closes the temporary file and moves it over the destination (unless <see cref="Publish"/> did).</summary>
    public void Commit()
    {
        Stream.Dispose();
        if (!_committed && _temporary is not null) File.Move(_temporary, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>
    /// Moves the file over the destination now and goes on writing it there: what is written from here on is at
    /// <see cref="Path"/> as it is flushed, so a process killed mid-write leaves the file up to the kill.
    /// </summary>
    public void Publish()
    {
        if (!_committed && _temporary is not null) File.Move(_temporary, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>Without a commit, the temporary file is deleted and the destination left alone.</summary>
    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed && _temporary is not null) File.Delete(_temporary);
    }
}
