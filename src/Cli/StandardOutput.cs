namespace Conformance.Cli;

/// <summary>
/// Standard output whose failures say so: a full disk or a closed pipe under it is reported as standard output's
/// (<see cref="StandardOutputException"/>), not as the file the command was reading or writing at the time.
/// </summary>
internal static class StandardOutput
{
    /// <summary>
    /// Standard output as text, for reports (<see cref="Terminal.Out"/>, CSV); written to from several threads, so
    /// synchronized. <see cref="Console.Out"/> itself stays as it is, for progress lines.
    /// </summary>
    public static TextWriter Text { get; } = TextWriter.Synchronized(new Writer(Console.Out));

    /// <summary>Standard output as bytes (a JSON report, frames), failing the same way.</summary>
    public static Stream Open() => new Bytes(Console.OpenStandardOutput());

    private static void Try(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e) when (e is not StandardOutputException)
        {
            throw new StandardOutputException(e);
        }
    }

    private static async ValueTask TryAsync(Func<ValueTask> write)
    {
        try
        {
            await write();
        }
        catch (IOException e) when (e is not StandardOutputException)
        {
            throw new StandardOutputException(e);
        }
    }

    private sealed class Writer(TextWriter inner) : GuardedWriter(inner)
    {
        protected override void Guard(Action write) => Try(write);
    }

    private sealed class Bytes(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Try(() => inner.Write(buffer, offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancel = default) =>
            TryAsync(() => inner.WriteAsync(buffer, cancel));

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancel) =>
            WriteAsync(buffer.AsMemory(offset, count), cancel).AsTask();

        public override void Flush() => Try(inner.Flush);

        public override Task FlushAsync(CancellationToken cancel) => TryAsync(() => new ValueTask(inner.FlushAsync(cancel))).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>Standard output could not be written: a full disk, a file-size limit, a pipe its reader closed.</summary>
internal sealed class StandardOutputException(IOException inner) : IOException($"cannot write to standard output: {inner.Message}", inner);
