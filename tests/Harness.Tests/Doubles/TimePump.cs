using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests.Doubles;

/// <summary>
/// Runs protocol time fast: while a task is busy, moves a fake clock on by small steps, pausing a few real
/// milliseconds between them so that answers already on the wire arrive before their deadlines.
/// </summary>
public static class TimePump
{
    // step: how far the clock moves per pause, smaller is gentler on a loaded machine; patience: real time allowed.
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> task, TimeSpan? step = null, TimeSpan? patience = null)
    {
        var limit = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(10));
            if (!task.IsCompleted) clock.Advance(step ?? TimeSpan.FromMilliseconds(500));
            if (DateTime.UtcNow > limit) throw new TimeoutException($"the run did not end within {(patience ?? TimeSpan.FromSeconds(30)).TotalSeconds:0} s of real time");
        }
        return await task;
    }
}
