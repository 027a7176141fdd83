using Conformance.Protocol.Streams;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A log file read while something still writes it, like <c>tail -F</c>: at its end a read waits for more bytes
/// instead of returning 0, until the token is cancelled; then it reads on to the current end. A file that is truncated,
/// or replaced by a new file (a logger that rotates by renaming, <c>mv at.log at.log.1</c>), is read again from its
/// start, and <see cref="Restarted"/> says so.
/// </summary>
public sealed class GrowingFileStream(string path, CancellationToken stop) : DuplexStream
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private FileStream? _file;

    /// <summary>Raised when the file was truncated or replaced and is read again from its start.</summary>
    public event Action? Restarted;

    public override bool CanWrite => false;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    /// <summary>Bytes as soon as there are some; 0 once stopped and read to the file's current end.</summary>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, cancellationToken);
        while (true)
        {
            _file ??= TryOpen();
            if (_file is not null)
            {
                var read = await _file.ReadAsync(buffer, CancellationToken.None);
                if (read > 0) return read;
                if (Replaced())
                {
                    await _file.DisposeAsync();
                    _file = TryOpen();
                    Restarted?.Invoke();
                    continue;
                }
            }
            // Stopped: what the file already holds is still read, then the stream ends.
            if (either.IsCancellationRequested) return 0;
            try { await Task.Delay(Poll, either.Token); }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>
    /// At the end of what was read, the path no longer names the file being read: it was truncated, or it is a new
    /// file (renamed away, or deleted and created again).
    /// </summary>
    /// <remarks>
    /// Told apart by length, which works on every system: the length of the file at the path is taken between two of
    /// the open file's, so for the same file it lies between them (it only grows, and a truncation makes it shorter
    /// than what was read). A new file of exactly the old length is told apart as soon as it grows. Bytes the
    /// writer still adds to the old file after that are not read, as with <c>tail -F</c>.
    /// </remarks>
    private bool Replaced()
    {
        try
        {
            var before = _file!.Length;
            var info = new FileInfo(path);
            if (!info.Exists) return false;   // renamed away, the new one not created yet: the old one may still grow
            var now = info.Length;
            return now < _file.Position || now < before || now > _file.Length;
        }
        catch (IOException) { return false; }
    }

    private FileStream? TryOpen()
    {
        try { return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan); }
        catch (FileNotFoundException) { return null; }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _file?.Dispose();
        base.Dispose(disposing);
    }
}
