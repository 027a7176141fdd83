using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests.Doubles;

/// <summary>
/// Runs protocol time fast: while a task is busy, moves a fake clock on by small steps, pausing a few real
/// milliseconds between them so that answers already on the wire arrive before their deadlines.
/// </summary>
public static class TimePump
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> task)
    {
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(10));
            if (!task.IsCompleted) clock.Advance(TimeSpan.FromMilliseconds(500));
            if (DateTime.UtcNow > limit) throw new TimeoutException("the run did not end within 30 s of real time");
        }
        return await task;
    }
}
