using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// A log copied from a Windows console or a screen capture pads every line with spaces to the window's width: the
/// padding is the terminal's, so it gives no note of the module's; a module that really ends a line in a space still does.
/// </summary>
public class ScreenScrapeTests
{
    /// <summary>Pads each line with spaces to <paramref name="width"/> columns, as the console's buffer holds it (a Chinese character takes two).</summary>
    private static string Scrape(int width, params string[] lines) =>
        string.Concat(lines.Select(line => line + new string(' ', width - line.Sum(c => c >= '\u2E80' ? 2 : 1)) + "\r\n"));

    [Test]
    public void A_cmd_window_copied_at_80_columns_gives_no_space_notes()
    {
        // miniterm in cmd.exe, copied with Mark / Copy: every row 80 columns, the blank rows too.
        var text = Scrape(80,
            "--- Miniterm on COM5  9600,8,N,1 ---",
            "--- Quit: Ctrl+] | Menu: Ctrl+T | Help: Ctrl+T followed by Ctrl+H ---",
            "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"a1b2c3\",1",
            "",
            "OK",
            "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"",
            "",
            "OK",
            "",
            "+MQTTOPEN: OK",
            "AT+MQTTSUB=\"$creq/#\",1",
            "",
            "OK",
            "",
            "+MQTTSUBACK: 1,1,\"$creq/#\"");
        var (source, _) = TempLog.Read(text);
        var analysis = TempLog.Analyze(text);

        Assert.That(source.Detection.PaddedWidth, Is.EqualTo(80));
        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Has.Member(("AT+MQTTSUB=\"$creq/#\",1", "OK")));
        Assert.That(analysis.Diagnostics.Select(d => d.Message), Has.None.Contains("trailing-space").And.None.Contains("space-around-argument"));
    }

    [Test]
    public void A_stamped_log_padded_to_120_columns_with_Chinese_notes_is_read_without_the_padding()
    {
        var text = Scrape(120,
            "[10:11:12.100] AT+CSQ",
            "[10:11:12.160] +CSQ: 20,99",
            "[10:11:12.170] OK",
            "[10:11:13.000] 模块信号正常，开始连接",
            "[10:11:13.100] AT+MQTTSTAT?",
            "[10:11:13.150] +MQTTSTAT: 1",
            "[10:11:13.160] OK");
        var (source, records) = TempLog.Read(text);
        var analysis = TempLog.Analyze(text);

        Assert.That(source.Detection.PaddedWidth, Is.EqualTo(120));
        Assert.That(records.Select(r => System.Text.Encoding.UTF8.GetString(r.Data)), Has.None.Contains("  "));
        Assert.That(analysis.Exchanges.Select(e => e.Command), Is.EqualTo(new[] { "AT+CSQ", "AT+MQTTSTAT?" }));
        Assert.That(analysis.Diagnostics.Select(d => d.Message), Has.None.Contains("trailing-space").And.None.Contains("space-around-argument"));
    }

    [Test]
    public void A_module_that_sends_a_space_after_OK_still_gets_its_note()
    {
        // A raw capture: one answer ends in a space, the module's; the other lines are of every width.
        var text = "AT+MQTTSTAT?\r\n\r\n+MQTTSTAT: 1\r\n\r\nOK \r\nAT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\nAT+CGSN=1\r\n\r\n+CGSN: 868488076512345\r\n\r\nOK\r\n";
        var (source, _) = TempLog.Read(text, LogFormat.Raw);
        var analysis = TempLog.Analyze(text, LogFormat.Raw);

        Assert.That(source.Detection.PaddedWidth, Is.Zero);
        Assert.That(analysis.Diagnostics.Select(d => d.Message), Has.Some.StartsWith("trailing-space: spaces after 'OK'"));
    }

    [Test]
    public void Rows_of_one_width_that_end_in_text_are_no_scrape()
    {
        // hexdump -C: every row the same width, none padded.
        var text = "00000000  41 54 2b 43 53 51 0d 0a  0d 0a 2b 43 53 51 3a 20  |AT+CSQ....+CSQ: |\n" +
                   "00000010  32 30 2c 39 39 0d 0a 0d  0a 4f 4b 0d 0a 41 54 0d  |20,99....OK..AT.|\n" +
                   "00000020  0a 0d 0a 4f 4b 0d 0a 41  54 2b 43 53 51 0d 0a 0d  |...OK..AT+CSQ...|\n" +
                   "00000030  0a 2b 43 53 51 3a 20 32  31 2c 39 39 0d 0a 0d 0a  |.+CSQ: 21,99....|\n";

        Assert.That(TempLog.Read(text).Source.Detection.PaddedWidth, Is.Zero);
    }
}
