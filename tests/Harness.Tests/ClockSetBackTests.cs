using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Syntax;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests;

/// <summary>A wall clock set back mid-run (NTP, a user): the trace's times never go back, and no duration is negative.</summary>
public class ClockSetBackTests
{
    /// <summary>Fake time whose wall clock is set back by <paramref name="by"/> once it reaches <paramref name="at"/>; its monotonic clock runs on.</summary>
    private sealed class SetBackClock(DateTimeOffset start, DateTimeOffset at, TimeSpan by) : FakeTimeProvider(start)
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() is var now && now >= at ? now - by : now;

        // Fake time counts its timestamps in ticks of its own time (not of the wall clock set back).
        public override long GetTimestamp() => base.GetUtcNow().UtcTicks;
    }

    [Test]
    public async Task A_wall_clock_set_back_an_hour_mid_run_leaves_the_trace_in_order_and_the_verdicts_as_they_were()
    {
        var start = HarnessRun.NewClock().GetUtcNow();
        var clock = new SetBackClock(start, start + TimeSpan.FromSeconds(3), TimeSpan.FromHours(1));

        var (report, trace) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, time: clock), HarnessRun.Select("Sub"), clock);

        // Skipped: the scenario that needs the broker side, which the module double has not.
        Assert.That(report.Scenarios.Select(s => s.Outcome), Has.All.AnyOf(Outcome.Passed, Outcome.Skipped).And.Some.EqualTo(Outcome.Passed),
            string.Join("\n", report.Scenarios.Select(s => s.Message)));
        Assert.That(report.Duration, Is.GreaterThan(TimeSpan.FromSeconds(3)), "the run outlasted the step");
        Assert.That(report.Scenarios.SelectMany(s => s.Steps).Select(s => s.Duration), Is.All.GreaterThanOrEqualTo(TimeSpan.Zero));
        var times = TraceFile.Read(new StringReader(trace), "run.trace").Records.Select(r => r.Record.Time).ToList();
        Assert.That(times, Is.Ordered, "the trace's times never go back");
        Assert.That(times[^1] - times[0], Is.EqualTo(report.Duration).Within(TimeSpan.FromSeconds(1)), "the trace spans the run's own time");
    }
}
