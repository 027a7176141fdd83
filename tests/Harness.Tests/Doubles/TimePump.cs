using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests.Doubles;

/// <summary>
/// Runs protocol time fast: while a task is busy, moves a fake clock on by small steps, pausing a few real
/// milliseconds between them so that answers already on the wire arrive before their deadlines.
/// </summary>
/// <remarks>
/// Without <c>inFlight</c> the pause is a guess that a loaded machine can outrun: an answer still on the loopback
/// socket when the clock passes its deadline turns into a timeout and a stray final result. With it, the clock
/// stands still while anything is on its way, however long that takes in real time.
/// </remarks>
public static class TimePump
{
    // step: how far the clock moves per pause, smaller is gentler on a loaded machine; patience: real time allowed;
    // inFlight: true while an answer is on its way, so the clock must wait.
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> task, TimeSpan? step = null, TimeSpan? patience = null, Func<bool>? inFlight = null)
    {
        var limit = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(10));
            if (!task.IsCompleted && inFlight?.Invoke() != true) clock.Advance(step ?? TimeSpan.FromMilliseconds(500));
            if (DateTime.UtcNow > limit) throw new TimeoutException($"the run did not end within {(patience ?? TimeSpan.FromSeconds(30)).TotalSeconds:0} s of real time");
        }
        return await task;
    }
}
