using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

/// <summary>
/// Hand-written logs whose module ends lines otherwise than the manual's CR LF: said once, with the first and the count,
/// where the log keeps the port's line ends; never where the line ends are the terminal's or an editor's.
/// </summary>
public class LineEndRuleTests
{
    private static List<(string Code, long Line, string Message)> LineEnds(string text, LogFormat? format = null) =>
        TempLog.Analyze(text, format).Diagnostics.Where(d => d.Code == "line-end").Select(d => (d.Code, d.Line, d.Message)).ToList();

    [Test]
    public void A_raw_capture_of_a_module_mixing_line_ends_gets_one_finding_at_the_first_with_the_count()
    {
        // Line 4 is the module's OK ended by LF alone; line 6 its +CSQ ended by CR alone (a raw file's lines split at CR too).
        var log = "AT\r\n\r\nOK\r\nAT+CSQ\r\n\r\n+CSQ: 20,99\n\r\nOK\r\nAT+CGATT?\r\n\r\n+CGATT: 1\r\rOK\r\n\r\n+MQTTOPEN: OK\r\n";

        var found = LineEnds(log);

        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(found[0].Line, Is.EqualTo(6));
        Assert.That(found[0].Message, Is.EqualTo(
            "the module's lines end in LF alone (once), CR alone (once), not in CR LF as the manual frames every response; the first (LF alone) ends this line"));
    }

    [Test]
    public void A_hex_dump_of_a_module_ending_lines_in_lf_alone_is_said_once_with_how_often()
    {
        var log = "[14/05/2024 10:11:12.100] Written data (COM3)\n    41 54 2b 43 53 51 0d 0a                           AT+CSQ..\n\n" +
                  "[14/05/2024 10:11:12.150] Read data (COM3)\n    0a 2b 43 53 51 3a 20 32 31 2c 39 39 0a 0a 4f 4b   .+CSQ: 21,99..OK\n    0a                                                .\n\n" +
                  "[14/05/2024 10:11:13.200] Written data (COM3)\n    41 54 2b 43 47 41 54 54 3f 0d 0a                  AT+CGATT?..\n\n" +
                  "[14/05/2024 10:11:13.250] Read data (COM3)\n    0a 2b 43 47 41 54 54 3a 20 31 0a 0a 4f 4b 0a      .+CGATT: 1..OK.\n";

        var found = LineEnds(log);

        Assert.That(found.Select(f => (f.Line, f.Message)), Is.EqualTo(new[]
        {
            // The last OK's LF ends the log: no line follows it to carry it.
            (5L, "the module's lines end in LF alone (3 times), not in CR LF as the manual frames every response; the first (LF alone) ends this line"),
        }));
    }

    [Test]
    public void A_socat_dump_keeps_the_ports_line_ends()
    {
        var log = "> 2024/05/14 14:02:10.113482  length=8 from=0 to=7\nAT+CSQ\\r\n" +
                  "< 2024/05/14 14:02:10.140911  length=20 from=0 to=19\n\\r\\r\n+CSQ: 20,99\\r\\r\n\\r\\r\nOK\\r\\r\n" +
                  "> 2024/05/14 14:02:11.000004  length=11 from=8 to=18\nAT+CGATT?\\r\n" +
                  "< 2024/05/14 14:02:11.040000  length=20 from=20 to=39\n\\r\\r\n+CGATT: 1\\r\\r\n\\r\\r\nOK\\r\\r\n";

        var found = LineEnds(log, LogFormat.Socat);

        Assert.That(found, Has.Count.EqualTo(1), string.Join("\n", TempLog.Analyze(log, LogFormat.Socat).Diagnostics.Select(d => $"{d.Code} {d.Line} {d.Message}")));
        Assert.That(found[0].Message, Does.StartWith("the module's lines end in CR CR LF (3 times)"));
    }

    [Test]
    public void Docklight_showing_control_characters_keeps_them()
    {
        var log = "5/14/2024 10:02:11.200 [TX] - AT+CSQ<CR><LF>\r\n" +
                  "5/14/2024 10:02:11.236 [RX] - <CR>+CSQ: 20,99<CR><CR>OK<CR>\r\n" +
                  "5/14/2024 10:02:12.001 [TX] - AT+CGATT?<CR><LF>\r\n" +
                  "5/14/2024 10:02:12.040 [RX] - <CR>+CGATT: 1<CR><CR>OK<CR>\r\n";

        var found = LineEnds(log);

        Assert.That(found.Select(f => (f.Line, f.Message)), Is.EqualTo(new[]
        {
            (2L, "the module's lines end in CR alone (3 times), not in CR LF as the manual frames every response; the first (CR alone) ends this line"),
        }));
    }

    [Test]
    public void A_terminals_text_log_says_nothing_of_line_ends_it_wrote_itself()
    {
        // Tera Term with timestamps, saved on Linux: every line ends in LF, written by the terminal, not the module.
        var log = "[2024-05-14 10:02:11.200] AT+CSQ\n[2024-05-14 10:02:11.236] +CSQ: 20,99\n[2024-05-14 10:02:11.240] OK\n" +
                  "[2024-05-14 10:02:12.001] AT+CGATT?\n[2024-05-14 10:02:12.040] +CGATT: 1\n[2024-05-14 10:02:12.041] OK\n";

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Summary.Commands, Is.EqualTo(2), "read as a log at all");
        Assert.That(LineEnds(log), Is.Empty);
    }

    [Test]
    public void A_raw_capture_whose_only_cr_is_the_hosts_is_a_port_capture_and_the_modules_lf_alone_is_said()
    {
        // The host ends its commands in CR LF; the firmware answers with LF alone, no CR of its own anywhere.
        var log = "AT+CSQ\r\n+CSQ: 20,99\n\nOK\nAT+CGATT?\r\n+CGATT: 1\n\nOK\n";

        var found = LineEnds(log);

        Assert.That(found.Select(f => (f.Line, f.Message)), Is.EqualTo(new[]
        {
            (2L, "the module's lines end in LF alone (3 times), not in CR LF as the manual frames every response; the first (LF alone) ends this line"),
        }));
    }

    [Test]
    public void Text_pasted_into_a_ticket_is_no_capture_of_the_port()
    {
        // Read as raw (no tool's marks), but not a single CR: an editor wrote these line ends.
        var log = "Hello,\n\nthe module never connects. Output after power on:\n\nAT+CGATT?\n+CGATT: 1\nOK\nAT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\nOK\n+MQTTOPEN: FAIL\n";

        Assert.That(LineEnds(log), Is.Empty);
    }

    [Test]
    public void A_raw_capture_framed_as_the_manual_writes_gets_no_finding_also_with_echo_and_a_terminals_banner()
    {
        // minicom's own banner ends in LF; the echo repeats the host's CR; the module frames everything with CR LF.
        var log = "\nWelcome to minicom 2.8\n\nPort /dev/ttyUSB0\n\nAT\r\r\nOK\r\nAT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n";

        Assert.That(LineEnds(log), Is.Empty);
    }
}
