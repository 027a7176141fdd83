using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// A CR LF log opened in less, vim or <c>cat -v</c> and copied from there into a ticket: each CR shows as <c>^M</c> at the
/// end of its line. Read as the CR it stands for, whatever the format.
/// </summary>
public class CaretLineEndTests
{
    [Test]
    public void A_tera_term_log_viewed_in_less_is_read_as_tera_terms()
    {
        var log = """
            [2026-11-30 14:00:02.000] AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Car3tPw",1^M
            [2026-11-30 14:00:02.050] OK^M
            [2026-11-30 14:00:03.000] AT+MQTTOPEN=1,1,0,0,0,"",""^M
            [2026-11-30 14:00:03.040] OK^M
            [2026-11-30 14:00:04.200] +MQTTOPEN: OK^M
            [2026-11-30 14:00:05.000] AT+MQTTSUB="$creq/#",1^M
            [2026-11-30 14:00:05.030] OK^M
            [2026-11-30 14:00:05.400] +MQTTSUBACK: 1,1,"$creq/#"^M
            """;
        var (source, _) = TempLog.Read(log);
        var analysis = TempLog.Analyze(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Timestamped));
        Assert.That(source.Detection.CaretLineEnds, Is.True);
        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[]
        {
            ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"***\",1", "OK", 50),
            ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK", 40),
            ("AT+MQTTSUB=\"$creq/#\",1", "OK", 30),
        }));
        Assert.That(analysis.Urcs.Select(u => (u.Name, u.CommandLine)), Is.EqualTo(new (string, long?)[] { ("+MQTTOPEN", 3), ("+MQTTSUBACK", 6) }));
        Assert.That(analysis.Diagnostics, Is.Empty, "no unreadable line for a ^M the module never sent");
        Assert.That(Conformance.Analyzer.Reports.JsonReport.Write(analysis), Does.Not.Contain("Car3tPw"));
    }

    [TestCase("AT+CSQ^M^M\n+CSQ: 20,99^M\n^M\nOK^M\nAT+CEREG?^M^M\n+CEREG: 0,1^M\n^M\nOK^M\n", TestName = "cat -v")]
    [TestCase("AT+CSQ^M^M$\n+CSQ: 20,99^M$\n^M$\nOK^M$\nAT+CEREG?^M^M$\n+CEREG: 0,1^M$\n^M$\nOK^M$\n", TestName = "cat -A: a $ after each line")]
    public void A_raw_capture_through_cat_v_keeps_its_line_ends(string log)
    {
        // The module's echo ends in CR CR LF (`AT+CSQ^M^M`), its lines in CR LF.
        var (_, records) = TempLog.Read(log);
        var analysis = TempLog.Analyze(log);

        Assert.That(string.Concat(records.Select(r => r.Text)), Does.Not.Contain("^M").And.Not.Contain("$"));
        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information))), Is.EqualTo(new (string, string?, string)[]
        {
            ("AT+CSQ", "OK", "+CSQ: 20,99"), ("AT+CEREG?", "OK", "+CEREG: 0,1"),
        }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }
}
