using Conformance.Protocol.Streams;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A log file read while something still writes it, like <c>tail -F</c>: at its end a read waits for more bytes
/// instead of returning 0, until the token is cancelled; then it reads on to the current end. A file that shrinks (truncated, or replaced by a new file
/// after a rotation) is read again from its start, and <see cref="Restarted"/> says so.
/// </summary>
public sealed class GrowingFileStream(string path, CancellationToken stop) : DuplexStream
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private FileStream? _file;

    /// <summary>Raised when the file shrank and is read again from its start.</summary>
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
                if (Shrank())
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

    /// <summary>The file at the path is now shorter than what was read: truncated, or a new file after a rotation.</summary>
    private bool Shrank()
    {
        try { return new FileInfo(path).Length < _file!.Position; }
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
