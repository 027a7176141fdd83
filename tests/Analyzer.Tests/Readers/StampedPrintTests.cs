namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Stamped logs without direction marks whose data is a print of each buffer (hand-written here): a script's logger writing
/// Python's repr after its time, a terminal's stamp before C's escapes, CuteCom's stamp before control pictures. The data is
/// the bytes the print stands for, each command answered and timed.
/// </summary>
public class StampedPrintTests
{
    // Each line's second and millisecond, and its data with its line ends still to be printed.
    private static readonly (int Second, string Millis, string Data)[] Session =
    [
        (0, "100", "AT+CSQ{CR}{LF}"), (0, "140", "{CR}{LF}+CSQ: 20,99{CR}{LF}{CR}{LF}OK{CR}{LF}"),
        (1, "000", "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"Pw9xQ2\",1{CR}{LF}"), (1, "030", "{CR}{LF}OK{CR}{LF}"),
    ];

    [TestCase("2026-11-30 10:00:0{0},{1} b'{2}'", "\\r", "\\n", TestName = "a script's logger: Python's repr after the time")]
    [TestCase("[10:00:0{0}.{1}] {2}", "\\r", "\\n", TestName = "a terminal's stamp before C's escapes")]
    [TestCase("[10:00:0{0}:{1}] {2}", "␍", "␊", TestName = "CuteCom: its stamp before control pictures")]
    [TestCase("2026-11-30 10:00:0{0}.{1} {2}", "<CR>", "<LF>", TestName = "a date and time before control names")]
    public void Each_print_is_the_bytes_it_stands_for(string line, string cr, string lf)
    {
        var log = string.Concat(Session.Select(s => string.Format(line, s.Second, s.Millis, s.Data.Replace("{CR}", cr).Replace("{LF}", lf)) + "\n"));

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information), e.LatencyMs)), Is.EqualTo(new (string, string?, string, double?)[]
        {
            ("AT+CSQ", "OK", "+CSQ: 20,99", 40), ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"***\",1", "OK", "", 30),
        }), log);
        Assert.That(analysis.Diagnostics, Is.Empty);
    }
}
