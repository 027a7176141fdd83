using System.Text.RegularExpressions;
using Conformance.Emulator.Endpoints;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;

namespace Conformance.Harness.Tests.FieldMutants;

/// <summary>
/// What a module over a live link (TCP, a serial port) says a moment after a scenario's last answer belongs to that scenario: it is
/// heard before the next scenario begins and judged like any other line, after the run's last scenario too.
/// </summary>
public class TrailingLineTests
{
    // Both end with AT+MQTTSTAT?; the second is the run's last.
    private static readonly string[] EndingWithStat = ["1.3 MQTTSTAT is 0 without an instance", "1.3 MQTTSTAT is 1 after CFG"];

    [Test]
    public async Task A_second_OK_a_moment_after_the_last_answer_fails_the_scenario_it_follows_the_run_s_last_too()
    {
        var (report, trace) = await RunAsync(FieldFirmware.StatOkTwiceAMomentApart, EndingWithStat);

        Assert.That(report.Scenarios.Select(s => s.Outcome), Is.All.EqualTo(Outcome.Failed), trace);
        var lines = trace.Split('\n');
        for (var i = 0; i < report.Scenarios.Count; i++)
        {
            var said = Regex.Match(report.Scenarios[i].Message ?? "",
                @"^error §1\.3 final-without-command: 'OK' arrived while no command was pending \(the last command, AT\+MQTTSTAT\?, was answered at trace line (\d+)\)");
            Assert.That(said.Success, Is.True, report.Scenarios[i].Message);
            // The answer it follows is the scenario's own, not the one before.
            var begins = Array.FindIndex(lines, l => l.EndsWith($"* scenario {EndingWithStat[i]}", StringComparison.Ordinal)) + 1;
            Assert.That(int.Parse(said.Groups[1].Value), Is.GreaterThan(begins), trace);
        }
    }

    [Test]
    [Platform("Linux")]
    public async Task Over_a_serial_port_a_second_OK_a_moment_after_the_run_s_last_answer_fails_its_scenario()
    {
        var clock = HarnessRun.NewClock();
        var module = new ScriptedModule(FieldFirmware.StatOkTwiceAMomentApart, clock);
        await using var port = PtyStream.Open();
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(() => module.ServeAsync(port, stop.Token));

        var (report, trace) = await HarnessRun.RunAsync($"serial:{port.Path}", HarnessRun.Select(title: EndingWithStat[1]), clock,
            inFlight: records => ModuleServer.InFlight([module], records));
        await stop.CancelAsync();
        try { await serving; }
        catch (Exception e) when (e is OperationCanceledException or IOException) { }

        Assert.That(report.Scenarios.Single().Outcome, Is.EqualTo(Outcome.Failed), trace);
        Assert.That(report.Scenarios.Single().Message, Does.StartWith(
            "error §1.3 final-without-command: 'OK' arrived while no command was pending (the last command, AT+MQTTSTAT?,"));
    }

    public static IEnumerable<TestCaseData> UnaskedAtTheEnd()
    {
        yield return new TestCaseData(FieldFirmware.PubAckAfterStat,
            "error §1.11 unexpected-urc: '+MQTTPUBACK: 77,1' answers nothing: no QoS 1 AT+MQTTPUB was waiting for it; it arrived after AT+MQTTSTAT?")
            .SetName("An acknowledgement of a packet id never published after the run's last answer fails its scenario");
        yield return new TestCaseData(FieldFirmware.DiscAfterStat,
            "error §3.3.5 unexpected-urc: '+MQTTDISC: OK' answers nothing: no AT+MQTTDISC was waiting for it and no reconnection attempt (+MQTTREC) gave up before it")
            .SetName("An unasked disconnection after the run's last answer fails its scenario");
    }

    [TestCaseSource(nameof(UnaskedAtTheEnd))]
    public async Task A_URC_nobody_asked_for_after_the_run_s_last_answer_fails_its_scenario(FieldMutant mutant, string says)
    {
        var (report, trace) = await RunAsync(mutant, EndingWithStat[1]);

        Assert.That(report.Scenarios.Single().Outcome, Is.EqualTo(Outcome.Failed), trace);
        Assert.That(report.Scenarios.Single().Message, Does.StartWith(says));
    }

    private static async Task<(RunReport Report, string Trace)> RunAsync(FieldMutant mutant, params string[] titles)
    {
        // The module's pause runs on the run's clock.
        var clock = HarnessRun.NewClock();
        return await HarnessRun.RunAsync(new ScriptedModule(mutant, clock), [.. titles.SelectMany(t => HarnessRun.Select(title: t))], clock);
    }
}
