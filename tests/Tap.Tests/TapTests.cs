using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;
using Conformance.Emulator.Endpoints;
using Conformance.Emulator.Hosting;
using Conformance.Harness.Running;
using Conformance.Protocol.Tracing;

namespace Conformance.Tap.Tests;

/// <summary>The tap between the harness (as the host) and the virtual module, on real pseudo-terminals.</summary>
[Platform("Linux")]
public sealed class TapTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("tap-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task The_default_suites_pass_through_the_tap_and_its_trace_holds_what_each_side_sent()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var endpoint = PtyEndpoint.Start(emulator.Module);
        var trace = Path.Combine(_directory, "tap.trace");
        await using var tap = TapRun.Start(new TapOptions("pty", $"serial:{endpoint.Path}", ListenOnly: false, trace, RotateSize: 16 * 1024, ShowSecrets: true));
        var (host, _) = await tap.Opened.WaitAsync(TapRun.Patience);
        var moduleSent = new ByteLog();
        emulator.Module.OutputWritten += (_, bytes) => moduleSent.Add(bytes);

        var (report, hostSent) = await TapRun.HarnessAsync(host["pty:".Length..]);
        await TapRun.UntilAsync(() => TapRun.Recorded(trace, TraceDirection.FromModule).Length >= moduleSent.Count);
        var result = await tap.StopAsync();

        Assert.That(report.AllPassed, Is.True, string.Join("\n", report.Scenarios.Where(s => s.Outcome == Outcome.Failed).Select(s => $"{s.Title}: {s.Message}")));
        Assert.That(report.Count(Outcome.Passed), Is.GreaterThan(20));
        Assert.That(TapRun.Recorded(trace, TraceDirection.ToModule), Is.EqualTo(hostSent), "host to module");
        Assert.That(TapRun.Recorded(trace, TraceDirection.FromModule), Is.EqualTo(moduleSent.ToArray()), "module to host");
        Assert.That(result.Rotations, Is.GreaterThan(0), "the trace is larger than the rotation size");
        Assert.That(result.End, Is.EqualTo(TapEnd.Stopped));
        Assert.That(result.Analysis.Summary.Commands, Is.GreaterThan(50));
        Assert.That(result.Analysis.Summary, Is.EqualTo(TimelineBuilder.Analyze(LogSource.Open(trace).Read()).Summary),
            "the live timeline agrees with analyze of the rotated trace");
        Assert.That(result.ForwardingMicroseconds.Count, Is.GreaterThan(0));
        // Every command is recorded before the answer it provokes, however the two pumps are scheduled.
        Assert.That(result.Analysis.Summary.Unanswered, Is.Zero, "commands seen without their answer");
        Assert.That(result.Analysis.Statistics.Diagnostics.Select(d => d.Code), Has.None.EqualTo("final-without-command").And.None.EqualTo("no-final-result"));
    }

    [Test]
    public async Task Listen_only_on_a_Y_cable_records_both_directions_and_transmits_nothing()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        await using var cable = new YCable(emulator.Module);
        var trace = Path.Combine(_directory, "listen.trace");
        await using var tap = TapRun.Start(new TapOptions($"serial:{cable.HostLine.Path}", $"serial:{cable.ModuleLine.Path}", ListenOnly: true, trace, ShowSecrets: true));
        await tap.Opened.WaitAsync(TapRun.Patience);

        var (report, _) = await TapRun.HarnessAsync(cable.Host.Path, "Open");
        await TapRun.UntilAsync(() => TapRun.Recorded(trace, TraceDirection.FromModule).Length >= cable.ModuleSent.Count &&
            TapRun.Recorded(trace, TraceDirection.ToModule).Length >= cable.HostSent.Count);
        var result = await tap.StopAsync();

        Assert.That(report.AllPassed, Is.True);
        Assert.That(TapRun.Recorded(trace, TraceDirection.ToModule), Is.EqualTo(cable.HostSent.ToArray()), "host to module");
        Assert.That(TapRun.Recorded(trace, TraceDirection.FromModule), Is.EqualTo(cable.ModuleSent.ToArray()), "module to host");
        Assert.That(cable.Transmitted.Count, Is.Zero, "bytes the listener sent on the lines");
        Assert.That(result.Analysis.Summary.Commands, Is.GreaterThan(5));
        Assert.That(result.Analysis.Exchanges.Select(e => e.Command), Has.Some.StartsWith("AT+MQTTOPEN"));
        Assert.That(result.ForwardingMicroseconds.Count, Is.Zero, "nothing is forwarded in listen-only mode");
    }
}
