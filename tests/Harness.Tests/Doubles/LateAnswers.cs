namespace Conformance.Harness.Tests.Doubles;

/// <summary>
/// What a module double sends late, on its own clock. An answer is owed from the moment its time comes (inside the
/// clock's Advance) until it is written, so a fake clock waits for it rather than running past it.
/// </summary>
public sealed class LateAnswers(TimeProvider time)
{
    private int _owed;

    /// <summary>True while an answer's time has come but it is not written yet.</summary>
    public bool Owed => Volatile.Read(ref _owed) > 0;

    /// <summary>Runs <paramref name="write"/> <paramref name="delay"/> from now; a host that hung up meanwhile is no error.</summary>
    public void Send(TimeSpan delay, Func<Task> write)
    {
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            Interlocked.Increment(ref _owed);
            _ = Task.Run(async () =>
            {
                try { await write(); }
                catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException) { /* the host hung up */ }
                finally
                {
                    Interlocked.Decrement(ref _owed);
                    timer?.Dispose();
                }
            }, CancellationToken.None);
        }, null, delay, Timeout.InfiniteTimeSpan);
    }
}
