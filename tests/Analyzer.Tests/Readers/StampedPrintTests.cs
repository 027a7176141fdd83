using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Stamped logs without direction marks whose data is a print of each buffer (hand-written here): a script's logger writing
/// Python's repr after its time, a terminal's stamp before C's escapes, CuteCom's stamp before control pictures. The data is
/// the bytes the print stands for, each command answered and timed.
/// </summary>
public class StampedPrintTests
{
    [TestCase("2026-11-30 10:00:00,100 b'AT+CSQ\\r\\n'\n2026-11-30 10:00:00,140 b'\\r\\n+CSQ: 20,99\\r\\n\\r\\nOK\\r\\n'\n" +
        "2026-11-30 10:00:01,000 b'AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"Pw9xQ2\",1\\r\\n'\n2026-11-30 10:00:01,030 b'\\r\\nOK\\r\\n'\n",
        TestName = "a script's logger: Python's repr after the time")]
    [TestCase("[10:00:00.100] AT+CSQ\\r\\n\n[10:00:00.140] \\r\\n+CSQ: 20,99\\r\\n\\r\\nOK\\r\\n\n" +
        "[10:00:01.000] AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"Pw9xQ2\",1\\r\\n\n[10:00:01.030] \\r\\nOK\\r\\n\n",
        TestName = "a terminal's stamp before C's escapes")]
    [TestCase("[10:00:00:100] AT+CSQ␍␊\n[10:00:00:140] ␍␊+CSQ: 20,99␍␊␍␊OK␍␊\n" +
        "[10:00:01:000] AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"Pw9xQ2\",1␍␊\n[10:00:01:030] ␍␊OK␍␊\n",
        TestName = "CuteCom: its stamp before control pictures")]
    [TestCase("2026-11-30 10:00:00.100 AT+CSQ<CR><LF>\n2026-11-30 10:00:00.140 <CR><LF>+CSQ: 20,99<CR><LF><CR><LF>OK<CR><LF>\n" +
        "2026-11-30 10:00:01.000 AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"Pw9xQ2\",1<CR><LF>\n2026-11-30 10:00:01.030 <CR><LF>OK<CR><LF>\n",
        TestName = "a date and time before control names")]
    public void Each_print_is_the_bytes_it_stands_for(string log)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information), e.LatencyMs)), Is.EqualTo(new (string, string?, string, double?)[]
        {
            ("AT+CSQ", "OK", "+CSQ: 20,99", 40), ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"***\",1", "OK", "", 30),
        }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }
}
