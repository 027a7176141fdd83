using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>
/// Commands typed in a terminal with a slip mended by backspace: the log keeps the keystrokes, the module runs the
/// command they leave (V.250's editing character) and echoes the keystrokes.
/// </summary>
public class TypedCommandTests
{
    [TestCase("AT+CQ\bSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\nAT+MQTTSTAT?\b?\r\r\n+MQTTSTAT: 5\r\n\r\nOK\r\n", LogFormat.Raw, TestName = "a raw capture, seen in the echo")]
    [TestCase("[2026-11-29 10:00:00.000] AT+CQ\bSQ\r\n[2026-11-29 10:00:00.010] AT+CQ\bSQ\r\n[2026-11-29 10:00:00.050] +CSQ: 20,99\r\n" +
        "[2026-11-29 10:00:00.060] OK\r\n[2026-11-29 10:00:01.000] AT+MQTTSTAT?\b?\r\n[2026-11-29 10:00:01.030] +MQTTSTAT: 5\r\n[2026-11-29 10:00:01.040] OK\r\n",
        LogFormat.Timestamped, TestName = "a Tera Term log, sent and echoed")]
    public void A_command_mended_by_backspace_is_the_command_the_module_runs(string text, LogFormat format)
    {
        var analysis = TempLog.Analyze(text, format);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.Information.Count)), Is.EqualTo(new[] { ("AT+CSQ", "OK", 1), ("AT+MQTTSTAT?", "OK", 1) }));
        Assert.That(analysis.Urcs, Is.Empty, "the answers answer their commands");
        Assert.That(analysis.Diagnostics, Is.Empty, "an echo of the keystrokes is no echo mismatch");
    }
}
