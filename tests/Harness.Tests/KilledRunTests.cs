using System.Diagnostics;
using System.Xml.Linq;
using Conformance.Harness.Tests.Doubles;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

/// <summary>A run killed mid-way (SIGKILL, power loss) leaves its trace where the user asked for it, readable up to the kill.</summary>
public class KilledRunTests
{
    private string _out = "";

    [SetUp]
    public void SetUp() => _out = Directory.CreateTempSubdirectory("killed-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_out, recursive: true);

    [Test]
    [Platform("Linux")]
    public async Task A_run_killed_with_SIGKILL_leaves_its_trace_in_place_which_analyze_and_replay_read()
    {
        // A slow module keeps the run going long enough to be killed in its second scenario.
        await using var server = new ModuleServer(() => new FakeModule(Dialect.Manual, lag: TimeSpan.FromMilliseconds(300)));
        var trace = Path.Combine(_out, "run.trace");
        // An earlier run's report, all passed: a killed run must not leave it standing beside its own trace.
        await File.WriteAllTextAsync(Path.Combine(_out, "junit.xml"), "<testsuites tests=\"3\" failures=\"0\" errors=\"0\" />");
        using (var run = ConformanceProcess.Start("run", "--target", server.Target, "--suite", "Stat", "--out", _out, "--set", "api-key=k3y-secret"))
        {
            try
            {
                await WaitForAsync(() => File.Exists(trace) && File.ReadAllText(trace).Split("* scenario ").Length > 2, TimeSpan.FromSeconds(40));
            }
            finally
            {
                run.Kill();   // SIGKILL: no handler runs, nothing is flushed or moved on the way out
                await run.WaitForExitAsync();
            }
        }

        Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "junit.xml", "run.trace" }), "no temporary file, no other name to look for");
        var cases = XDocument.Load(Path.Combine(_out, "junit.xml")).Descendants("testcase").ToList();
        Assert.That(cases, Has.Count.EqualTo(3), "every scenario selected is in the partial report");
        Assert.That(cases[0].Element("error") ?? cases[0].Element("failure"), Is.Null, "the scenario finished before the kill passed");
        Assert.That(cases[^1].Element("error")?.Attribute("message")?.Value, Does.Contain("not run: the run did not finish: it was killed, or the power failed"));
        var text = await File.ReadAllTextAsync(trace);
        Assert.That(text, Does.Not.Contain("k3y-secret"));
        Assert.That(text, Does.Not.Contain("* run finished"));
        using (var reader = new StreamReader(trace))
            Assert.That(TraceFile.Read(reader, trace).Records, Has.Count.GreaterThan(10));

        var (analyzed, timeline, analyzeError) = await ConformanceProcess.RunAsync("analyze", trace);
        Assert.That(analyzed, Is.Not.EqualTo(2), analyzeError);
        Assert.That(timeline, Does.Contain("AT+MQTTSTAT?"));

        // The scenario finished before the kill replays as it ran; the one cut short ends the replay with its reason.
        var replayOut = Path.Combine(_out, "replay");
        var (replayed, report, replayError) = await ConformanceProcess.RunAsync("run", "--target", $"replay:{trace}", "--suite", "Stat", "--out", replayOut);
        Assert.That(replayed, Is.EqualTo(1), report + replayError);
        Assert.That(report, Does.Contain("1.3 MQTTSTAT is 0 without an instance").And.Contain("1 passed"));
        Assert.That(replayError, Does.Contain("run aborted: ").And.Contain("the trace ended"));
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit) Assert.Fail("the run never showed a finished scenario at its trace path");
            await Task.Delay(50);
        }
    }
}
