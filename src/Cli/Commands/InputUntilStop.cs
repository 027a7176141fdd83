using Conformance.Analyzer.Readers;

namespace Conformance.Cli.Commands;

/// <summary>
/// An input that ends at Ctrl-C or SIGTERM: a read waiting on a pipe or a port returns the end of the input instead,
/// so that what was read until then is still processed and written. Counts the bytes it gave.
/// </summary>
internal sealed class InputUntilStop(Stream inner, CancellationToken stop) : ReadOnlyWrapper(inner)
{
    // A read still waiting when the stop came may finish later: it fills this buffer, never the caller's.
    private readonly byte[] _buffer = new byte[1 << 16];

    /// <summary>The bytes read from the input.</summary>
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var n = FillAsync(buffer.Length, CancellationToken.None).GetAwaiter().GetResult();
        _buffer.AsSpan(0, n).CopyTo(buffer);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancel = default)
    {
        var n = await FillAsync(buffer.Length, cancel);
        _buffer.AsMemory(0, n).CopyTo(buffer);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancel) =>
        ReadAsync(buffer.AsMemory(offset, count), cancel).AsTask();

    // Reads up to count bytes into the own buffer; 0 at the input's end or once stopped.
    private async Task<int> FillAsync(int count, CancellationToken cancel)
    {
        if (stop.IsCancellationRequested || count == 0) return 0;
        try
        {
            var n = await Inner.ReadAsync(_buffer.AsMemory(0, Math.Min(count, _buffer.Length)), cancel).AsTask().WaitAsync(stop);
            BytesRead += n;
            return n;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
    }
}
