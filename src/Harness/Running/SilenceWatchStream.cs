using Conformance.Protocol.Streams;

namespace Conformance.Harness.Running;

/// <summary>
/// The module's stream, watched for a frozen module: once the host has written, the module must send something
/// within the give-up time, or reading fails with <see cref="ModuleSilentException"/> and the run ends, instead of
/// every remaining step waiting out its own timeout. Waiting for a URC after an answer does not count as silence.
/// </summary>
internal sealed class SilenceWatchStream(Stream inner, TimeSpan giveUp, TimeProvider time) : DuplexStream
{
    private readonly object _gate = new();
    private long? _waitingSince;   // the first write the module has not answered with any byte yet
    private TaskCompletionSource _wrote = NewSignal();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancel = default)
    {
        var read = inner.ReadAsync(buffer, cancel).AsTask();
        while (true)
        {
            Task wrote;
            TimeSpan? left;
            lock (_gate)
            {
                wrote = _wrote.Task;
                left = _waitingSince is { } since ? giveUp - time.GetElapsedTime(since) : null;
            }
            if (!read.IsCompleted && (left <= TimeSpan.Zero || cancel.IsCancellationRequested))
            {
                // The abandoned read ends when the stream is disposed; its error is of no interest then.
                _ = read.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                cancel.ThrowIfCancellationRequested();
                throw new ModuleSilentException(giveUp);
            }
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            var timer = Task.Delay(left ?? Timeout.InfiniteTimeSpan, time, wake.Token);
            var first = await Task.WhenAny(read, wrote, timer);
            await wake.CancelAsync();
            if (first != read) continue;
            var count = await read;
            if (count > 0) lock (_gate) _waitingSince = null;
            return count;
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancel = default)
    {
        await inner.WriteAsync(buffer, cancel);
        lock (_gate)
        {
            _waitingSince ??= time.GetTimestamp();
            var wrote = _wrote;
            _wrote = NewSignal();
            wrote.TrySetResult();
        }
    }

    public override Task FlushAsync(CancellationToken cancel) => inner.FlushAsync(cancel);

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
