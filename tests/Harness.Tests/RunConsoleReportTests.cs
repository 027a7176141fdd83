using Conformance.Harness.Dsl;
using Conformance.Harness.Reports;
using Conformance.Harness.Running;
using Conformance.Protocol.Codes;
using Snapshooter.NUnit;
using Spectre.Console;

namespace Conformance.Harness.Tests;

/// <summary>The end-of-run summary a test engineer reads: findings show their severity as the analyzer shows a diagnostic's.</summary>
public class RunConsoleReportTests
{
    // A run written by hand: one scenario passed with two findings of different weight, one failed.
    private static readonly RunReport Run = new("tcp:192.168.1.20:5000", new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), TimeSpan.FromSeconds(4.5),
    [
        new ScenarioResult("Open", "1.2", "open with keepAlive 120", Outcome.Passed, TimeSpan.FromSeconds(1.25), null, [],
        [
            Finding.Of(CodeList.NoSpaceAfterColon, "1.2", "no space after '+MQTTOPEN:'; the manual writes '+MQTTOPEN: '", 14),
            Finding.Of(CodeList.UnexpectedUrc, "1.11", "'+MQTTDISC: OK' arrived after the last step, but no step expected it", 21),
        ]),
        new ScenarioResult("Stat", "1.3", "MQTTSTAT is 1 after CFG", Outcome.Failed, TimeSpan.FromSeconds(0.5), "expected MqttState.Initialised, got 0", [], []),
    ], null);

    private static string Render(RunReport report)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 160;
        RunConsoleReport.Write(report, console);
        return writer.ToString();
    }

    [Test]
    public void Each_finding_starts_with_its_severity()
    {
        var text = Render(Run);

        Assert.That(text, Does.Contain("  note §1.2 no-space-after-colon: no space after '+MQTTOPEN:'"));
        Assert.That(text, Does.Contain("  warn §1.11 unexpected-urc: '+MQTTDISC: OK' arrived"));
        Snapshot.Match(text);
    }
}
