using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

/// <summary><c>--target replay:</c> on a trace the harness recorded: the trace plays the module.</summary>
public class ReplayTests
{
    private string _path = "";

    [SetUp]
    public void SetUp() => _path = Path.Combine(Path.GetTempPath(), $"replay-{Guid.NewGuid():N}.trace");

    [TearDown]
    public void TearDown() => File.Delete(_path);

    [TestCase(true)]
    [TestCase(false)]
    public async Task Replaying_a_recorded_run_gives_the_same_outcomes(bool fast)
    {
        // Subscribe fails on this module, publish and unsubscribe pass: both outcomes must come back.
        IReadOnlyList<SelectedScenario> scenarios = [.. HarnessRun.Select("Sub"), .. HarnessRun.Select("Pub"), .. HarnessRun.Select("Unsub")];
        var (recorded, trace) = await HarnessRun.RunAsync(new FakeModule(Dialect.Field, Fault.DropSubAck), scenarios);
        await File.WriteAllTextAsync(_path, trace);

        var (replayed, _) = await HarnessRun.RunAsync($"replay:{_path}", scenarios, fast: fast);

        Assert.That(replayed.Scenarios.Select(s => (s.Title, s.Outcome)), Is.EqualTo(recorded.Scenarios.Select(s => (s.Title, s.Outcome))));
        Assert.That(replayed.Scenarios.Select(s => s.Outcome), Has.Some.EqualTo(Outcome.Failed).And.Some.EqualTo(Outcome.Passed));
    }

    [Test]
    public async Task A_command_other_than_the_recorded_one_fails_the_step_naming_the_trace_line_and_both_texts()
    {
        var (trace, replayed, _) = await ReplayOnAnotherTopicAsync();

        var first = replayed.Scenarios[0];
        var line = trace.Split('\n').ToList().FindIndex(l => l.Contains("> AT+MQTTSUB=")) + 1;
        Assert.That(first.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(first.Message, Does.Contain($"replay diverged: {_path}:{line}: the host sent 'AT+MQTTSUB=\"dev/gsm/x\",1\\r\\n' but the trace has 'AT+MQTTSUB=\"dev/gsm/u\",1\\r\\n'"));
    }

    [Test]
    public async Task An_empty_module_record_in_a_hand_edited_trace_is_skipped_not_taken_for_the_link_closing()
    {
        await File.WriteAllTextAsync(_path, """
            # conformance-trace 1
            # target: tcp:127.0.0.1:5310
            2026-11-25T22:40:41.000000Z * scenario 4.1 module answers AT
            2026-11-25T22:40:41.100000Z > AT\r\n
            2026-11-25T22:40:41.110000Z < \r\n
            2026-11-25T22:40:41.111000Z < 
            2026-11-25T22:40:41.112000Z < OK\r\n

            """);

        var (replayed, _) = await HarnessRun.RunAsync($"replay:{_path}", HarnessRun.Select(title: "4.1 module answers AT"));

        Assert.That(replayed.Aborted, Is.Null);
        Assert.That(replayed.Scenarios.Single().Outcome, Is.EqualTo(Outcome.Passed), replayed.Scenarios.Single().Message);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task A_trace_recorded_without_listening_after_each_scenario_replays_and_a_stray_OK_in_it_is_judged_where_it_came(bool fast)
    {
        // As a run recorded it before it listened after a scenario's last step: the next command 2 ms after the answer,
        // the second OK in between.
        await File.WriteAllTextAsync(_path, """
            # conformance-trace 1
            # target: tcp:127.0.0.1:5310
            2026-11-25T22:40:41.000000Z * scenario 4.1 module answers AT
            2026-11-25T22:40:41.100000Z > AT\r\n
            2026-11-25T22:40:41.110000Z < \r\nOK\r\n
            2026-11-25T22:40:41.111000Z < \r\nOK\r\n
            2026-11-25T22:40:41.112000Z * scenario 4.1 signal quality in range
            2026-11-25T22:40:41.112000Z > AT+CSQ\r\n
            2026-11-25T22:40:41.130000Z < \r\n+CSQ: 20,99\r\n\r\nOK\r\n
            2026-11-25T22:40:41.140000Z * run finished

            """);

        var (replayed, _) = await HarnessRun.RunAsync($"replay:{_path}",
            [.. HarnessRun.Select(title: "4.1 module answers AT"), .. HarnessRun.Select(title: "4.1 signal quality in range")], fast: fast);

        Assert.That(replayed.Aborted, Is.Null);
        Assert.That(replayed.Scenarios.Select(s => s.Outcome), Is.EqualTo(new[] { Outcome.Failed, Outcome.Passed }), replayed.Scenarios[1].Message);
        Assert.That(replayed.Scenarios[0].Message, Does.StartWith("error §4.1 final-without-command: 'OK' arrived while no command was pending (the last command, AT,"));
    }

    [Test]
    public async Task A_trace_cut_mid_line_replays_up_to_the_cut_and_says_where_it_ends()
    {
        var (recorded, trace) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual), HarnessRun.Select("Stat"));
        var lines = trace.Split('\n');
        var last = Array.FindLastIndex(lines, l => l.Contains("* scenario 1.3 MQTTSTAT is 5"));
        // Killed while writing the line after the last scenario started: half a timestamp, no line end.
        await File.WriteAllTextAsync(_path, string.Join('\n', lines[..(last + 1)]) + "\n" + lines[last + 1][..12]);

        var (replayed, _) = await HarnessRun.RunAsync($"replay:{_path}", HarnessRun.Select("Stat"));

        Assert.That(replayed.Scenarios.Select(s => s.Outcome).Take(2), Is.EqualTo(recorded.Scenarios.Select(s => s.Outcome).Take(2)));
        Assert.That(replayed.Scenarios[2].Message, Does.Contain($"the trace ended, cut short in its line {last + 2} (a run killed while writing it)"));
        Assert.That(replayed.Scenarios[2].Outcome, Is.EqualTo(Outcome.Error), "the recording ends, the firmware did nothing wrong");
    }

    [Test]
    public async Task A_trace_that_ends_without_its_run_s_end_replays_up_to_there_and_the_rest_is_not_run()
    {
        var (recorded, trace) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual), HarnessRun.Select("Stat"));
        var lines = trace.Split('\n');
        // Killed between two records, in the third scenario: every line whole, no '* run finished'.
        var last = Array.FindLastIndex(lines, l => l.Contains("* scenario 1.3 MQTTSTAT is 5"));
        await File.WriteAllTextAsync(_path, string.Join('\n', lines[..(last + 4)]) + "\n");

        var (replayed, _) = await HarnessRun.RunAsync($"replay:{_path}", [.. HarnessRun.Select("Stat"), .. HarnessRun.Select("Cfg")]);

        Assert.That(replayed.Scenarios.Select(s => s.Outcome).Take(3), Is.EqualTo(new[] { Outcome.Passed, Outcome.Passed, Outcome.Error }));
        Assert.That(replayed.Scenarios.Skip(3).Select(s => s.Outcome), Is.All.EqualTo(Outcome.NotRun));
        Assert.That(replayed.Aborted, Does.Contain("the trace ended without its run's end (the run was killed, or the power failed), before the host sent 'AT"));
    }

    [Test]
    public async Task After_a_divergence_the_run_ends_with_the_rest_not_run_instead_of_failing_each_on_the_same_line()
    {
        var (_, replayed, replayTrace) = await ReplayOnAnotherTopicAsync();

        Assert.That(replayed.Scenarios.Select(s => s.Outcome), Is.EqualTo(new[] { Outcome.Failed }.Concat(Enumerable.Repeat(Outcome.NotRun, replayed.Scenarios.Count - 1))));
        Assert.That(replayed.Aborted, Does.StartWith($"replay diverged: {_path}:"));
        Assert.That(replayTrace, Does.Contain("* run aborted: replay diverged:"));
    }

    /// <summary>Records the Sub suite, then replays it with another topic: the first SUBSCRIBE differs from the recording.</summary>
    private async Task<(string Trace, RunReport Replayed, string ReplayTrace)> ReplayOnAnotherTopicAsync()
    {
        var (_, trace) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual), HarnessRun.Select("Sub"));
        await File.WriteAllTextAsync(_path, trace);
        var otherTopic = HarnessRun.Parameters with { Topic = "dev/gsm/x" };
        var (replayed, replayTrace) = await HarnessRun.RunAsync($"replay:{_path}", HarnessRun.Select("Sub", parameters: otherTopic));
        return (trace, replayed, replayTrace);
    }
}
