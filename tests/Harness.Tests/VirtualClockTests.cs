using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Harness.Timing;

namespace Conformance.Harness.Tests;

/// <summary>The virtual clock of in-process runs: it moves only when everybody is idle, and a run on it judges as one on the system clock.</summary>
public class VirtualClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 22, 40, 41, TimeSpan.Zero);

    [Test]
    public async Task A_wait_of_an_hour_ends_at_the_hour_of_virtual_time()
    {
        await using var clock = new VirtualClock(Start);

        await Task.Delay(TimeSpan.FromHours(1), clock);

        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddHours(1)));
    }

    [Test]
    public async Task Timers_fire_in_order_of_their_due_time_and_the_clock_stops_at_each()
    {
        await using var clock = new VirtualClock(Start);
        var fired = new List<(string, DateTimeOffset)>();
        using var module = clock.Background.CreateTimer(_ => { lock (fired) fired.Add(("module", clock.GetUtcNow())); }, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        await Task.Delay(TimeSpan.FromSeconds(3), clock);

        lock (fired) Assert.That(fired, Is.EqualTo(new[] { ("module", Start.AddSeconds(2)) }));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(3)));
    }

    [Test]
    public async Task A_timer_disposed_by_another_due_at_the_same_time_does_not_fire_and_the_clock_goes_on()
    {
        // A connection attempt ends just as its timeout falls due: the timeout is disposed, its source with it, and a
        // late callback would cancel a disposed source. It must not fire; and nothing may stop virtual time.
        await using var clock = new VirtualClock(Start);
        var fired = new List<string>();
        ITimer? second = null;
        using var first = clock.Background.CreateTimer(_ => { lock (fired) fired.Add("first"); second!.Dispose(); }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        second = clock.Background.CreateTimer(_ => { lock (fired) fired.Add("second"); }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        await Task.Delay(TimeSpan.FromSeconds(5), clock).WaitAsync(TimeSpan.FromMinutes(1));

        lock (fired) Assert.That(fired, Is.EqualTo(new[] { "first" }));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(5)));
        Assert.That(second.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan), Is.False, "a disposed timer cannot be started again");
    }

    [Test]
    public async Task A_module_timer_alone_does_not_move_the_clock()
    {
        await using var clock = new VirtualClock(Start);
        var fired = new TaskCompletionSource();
        using var module = clock.Background.CreateTimer(_ => fired.TrySetResult(), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        var first = await Task.WhenAny(fired.Task, Task.Delay(200));

        Assert.That(first, Is.Not.SameAs(fired.Task));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start));
    }

    [Test]
    public async Task A_party_that_says_it_is_busy_holds_the_clock_until_it_is_done()
    {
        await using var clock = new VirtualClock(Start);
        var busy = true;
        clock.Watch(() => Volatile.Read(ref busy));

        var wait = Task.Delay(TimeSpan.FromSeconds(5), clock);
        var first = await Task.WhenAny(wait, Task.Delay(200));
        Assert.That(first, Is.Not.SameAs(wait), "the clock moved while a party was busy");

        Volatile.Write(ref busy, false);
        await wait;
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(5)));
    }

    [Test]
    public async Task The_virtual_module_gives_the_same_verdicts_and_findings_on_both_clocks_and_the_trace_says_which()
    {
        var scenarios = HarnessRun.Select("Disc");

        var (onSystem, _) = await RunAsync(TimeProvider.System, scenarios);
        await using var clock = new VirtualClock(Start);
        var (onVirtual, trace) = await RunAsync(clock, scenarios);

        Assert.That(onVirtual.Scenarios.Select(s => (s.Title, s.Outcome, s.Findings.Count)),
            Is.EqualTo(onSystem.Scenarios.Select(s => (s.Title, s.Outcome, s.Findings.Count))));
        Assert.That(onVirtual.Scenarios.Select(s => s.Outcome), Is.All.EqualTo(Outcome.Passed));
        Assert.That(trace, Does.Contain("\n# clock: virtual\n"));
        Assert.That(trace.Split('\n').First(l => l.Length > 0 && l[0] != '#'), Does.StartWith("2026-11-25T22:40:41."));
    }

    [Test]
    public async Task A_replay_on_the_virtual_clock_plays_the_recorded_gaps_and_judges_alike()
    {
        var scenarios = HarnessRun.Select(title: "1.9 a held PUBACK is reported as +MQTTTO: 2");
        await using var recording = new VirtualClock(Start);
        var (recorded, trace) = await RunAsync(recording, scenarios);
        var path = Path.Combine(Path.GetTempPath(), $"virtual-{Guid.NewGuid():N}.trace");
        await File.WriteAllTextAsync(path, trace);
        try
        {
            await using var replaying = new VirtualClock(Start);
            var (replayed, replayTrace) = await RunAsync(replaying, scenarios, $"replay:{path}");

            Assert.That(replayed.Scenarios.Select(s => (s.Title, s.Outcome)), Is.EqualTo(recorded.Scenarios.Select(s => (s.Title, s.Outcome))));
            // +MQTTTO: 2 came one ACK timeout (1 s) after its publish's OK, in the recording and in the replay alike.
            Assert.That(Gap(replayTrace), Is.EqualTo(Gap(trace)).And.EqualTo(TimeSpan.FromSeconds(1)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Only_in_process_targets_get_the_virtual_clock_and_a_replay_starts_it_at_the_trace_start()
    {
        var path = Path.Combine(Path.GetTempPath(), $"started-{Guid.NewGuid():N}.trace");
        await File.WriteAllTextAsync(path, "# conformance-trace 1\n# target: emulator\n# started: 2026-11-25T22:40:41.120000Z\n");
        try
        {
            var replay = RunClock.For($"replay:{path}", realTime: false);
            await using var _ = replay as VirtualClock;
            Assert.That(replay, Is.TypeOf<VirtualClock>());
            Assert.That(replay.GetUtcNow(), Is.EqualTo(new DateTimeOffset(2026, 11, 25, 22, 40, 41, 120, TimeSpan.Zero)));
        }
        finally
        {
            File.Delete(path);
        }
        Assert.That(RunClock.For("emulator", realTime: true), Is.SameAs(TimeProvider.System));
        Assert.That(RunClock.For("tcp:127.0.0.1:5310", realTime: false), Is.SameAs(TimeProvider.System));
        Assert.That(RunClock.For("serial:/dev/ttyUSB0", realTime: false), Is.SameAs(TimeProvider.System));
    }

    private static TimeSpan Gap(string trace)
    {
        var lines = trace.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();
        var timeout = lines.FindIndex(l => l.Contains("< +MQTTTO: 2"));
        var ok = lines.FindLastIndex(timeout, l => l.Contains("< OK"));
        return DateTimeOffset.Parse(lines[timeout][..27]) - DateTimeOffset.Parse(lines[ok][..27]);
    }

    private static Task<(RunReport Report, string Trace)> RunAsync(TimeProvider time, IReadOnlyList<SelectedScenario> scenarios, string target = "emulator") =>
        HarnessRun.RunAsync(target, scenarios, time);
}
