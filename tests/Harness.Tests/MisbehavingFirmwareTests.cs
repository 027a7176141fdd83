using System.Xml.Linq;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

/// <summary>
/// Firmware that breaks the framing or the pairing of answers in ways a release must catch: the scenario it breaks fails,
/// saying what came and at which trace line, and the answers after it are still paired with the right commands.
/// </summary>
public class MisbehavingFirmwareTests
{
    private const string StatAfterCfg = "1.3 MQTTSTAT is 1 after CFG";

    [Test]
    public async Task An_OK_without_its_line_end_is_not_taken_later_for_the_next_command_s_answer()
    {
        var scenarios = HarnessRun.Select(title: StatAfterCfg).Concat(HarnessRun.Select(title: "1.1 CFG? reads back the settings with the password masked")).ToList();

        var (report, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, Fault.OkWithoutLineEnd), scenarios);

        Assert.That(report.Scenarios.Select(s => s.Outcome), Is.EqualTo(new[] { Outcome.Failed, Outcome.Passed }), report.Scenarios[1].Message);
        Assert.That(report.Scenarios[1].Findings.Select(f => f.Code), Has.None.EqualTo("final-without-command"));
    }

    [Test]
    public async Task A_second_final_result_is_reported_where_it_came()
    {
        var (report, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, Fault.ErrorThenOk), HarnessRun.Select(title: StatAfterCfg));

        Assert.That(report.Scenarios.Single().Findings.Select(f => f.Detail), Has.Some.Match(
            @"^§1\.1 final-without-command: 'OK' arrived while no command was pending \(the last command, AT\+MQTTCFG=.*, was answered at trace line \d+\) \(trace line \d+\)$"));
    }

    [TestCase(Fault.LineFeedOnly, "Pub")]
    [TestCase(Fault.UrcBetweenEchoAndAnswer, "Stat")]
    // The answer's one +MQTTSTAT line, with another kind of line beside it: no repeat.
    [TestCase(Fault.StatusLineInAnswer, "Stat")]
    public async Task Framing_the_manual_allows_passes(Fault fault, string suite)
    {
        foreach (var dialect in new[] { Dialect.Manual, Dialect.Field })
        {
            var (report, _) = await HarnessRun.RunAsync(new FakeModule(dialect, fault), HarnessRun.Select(suite));

            Assert.That(report.Scenarios.Where(s => s.Outcome != Outcome.Passed).Select(s => $"{s.Title}: {s.Message}"), Is.Empty, $"{dialect}");
        }
    }

    [Test]
    public async Task A_report_between_the_echo_and_the_answer_is_a_finding_naming_the_command()
    {
        var (report, _) = await HarnessRun.RunAsync(new FakeModule(Dialect.Manual, Fault.UrcBetweenEchoAndAnswer), HarnessRun.Select(title: StatAfterCfg));

        Assert.That(report.Scenarios.Single().Findings.Select(f => f.Detail), Has.Some.Match(
            @"^§1\.10 unexpected-urc: '\+MQTTPINGRSP: OK' arrived after AT\+MQTTSTAT\? \(trace line \d+\), but no step expected it"));
    }

    [Test]
    [Platform("Linux")]
    public async Task Over_a_serial_port_a_publish_whose_msg_len_counts_its_line_end_fails_with_the_length_mismatch()
    {
        // At a real UART the two bytes the count runs over never come: the wait's end must read what did.
        await using var pty = await SocatPair.StartAsync(new FakeModule(Dialect.Field, Fault.LyingPayloadLength));
        var output = Directory.CreateTempSubdirectory("serial-").FullName;
        try
        {
            var (exit, stdout, stderr) = await ConformanceProcess.RunAsync("run", "--target", $"serial:{pty.HostPath}", "--suite", "Pub", "--section", "1.5", "--out", output);

            Assert.That(exit, Is.EqualTo(1), stdout + stderr);
            Assert.That(stdout, Does.Contain("a text message arrives as typed").And.Contain("message-len-mismatch: msg_len is 16 but the message has 14"));
            Assert.That(stdout, Does.Not.Contain("got no other URC"));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [TestCase("tcp")]
    [TestCase("serial")]
    [Platform("Linux")]
    public async Task Firmware_that_freezes_mid_suite_ends_the_run_at_the_give_up_time_with_its_reason_and_a_partial_report(string transport)
    {
        var module = new FakeModule(Dialect.Field, Fault.FallsSilent);
        await using var server = transport == "tcp" ? new ModuleServer(() => module) : null;
        await using var pty = transport == "serial" ? await SocatPair.StartAsync(module) : null;
        var output = Directory.CreateTempSubdirectory("frozen-").FullName;
        try
        {
            var target = server?.Target ?? $"serial:{pty!.HostPath}";
            var (exit, stdout, stderr) = await ConformanceProcess.RunAsync("run", "--target", target, "--suite", "Stat", "--give-up", "3", "--out", output);

            Assert.That(exit, Is.EqualTo(1), stdout + stderr);
            Assert.That(stderr, Does.Contain("conformance: run aborted: ").And.Contain("the module has sent nothing for 3 s after a command; gave up (--give-up)"));
            var cases = XDocument.Load(Path.Combine(output, "junit.xml")).Descendants("testcase").ToList();
            Assert.That(cases, Has.Count.EqualTo(3), "every scenario selected is in the report");
            Assert.That(cases.Take(2).Select(c => c.Element("failure") ?? c.Element("error")), Is.All.Null, "the scenarios before the freeze passed");
            Assert.That(cases[2].Element("error")?.Attribute("message")?.Value, Does.Contain("sent nothing for 3 s"));
            Assert.That(await File.ReadAllTextAsync(Path.Combine(output, "run.trace")), Does.Contain("* run aborted:"));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
