using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Stamps and direction marks of terminals and MCU loggers the generators do not write (hand-written here): each line
/// keeps its time and its side.
/// </summary>
public class StampConventionTests
{
    private static readonly (LogDirection, string)[] Csq =
        [(LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 20,99"), (LogDirection.FromModule, "OK")];

    [TestCase("(10:11:12.100) AT+CSQ\r\n(10:11:12.150) +CSQ: 20,99\r\n(10:11:12.160) OK\r\n", 60, TestName = "a time of day in parentheses")]
    [TestCase("(10:11:12) AT+CSQ\r\n(10:11:12) +CSQ: 20,99\r\n(10:11:13) OK\r\n", null, TestName = "a time of day in parentheses, whole seconds")]
    [TestCase("2026-11-30 10:11:12.100: AT+CSQ\n2026-11-30 10:11:12.150: +CSQ: 20,99\n2026-11-30 10:11:12.160: OK\n", 60, TestName = "a colon after a date and time")]
    [TestCase("2026-11-30 10:11:12: AT+CSQ\n2026-11-30 10:11:12: +CSQ: 20,99\n2026-11-30 10:11:13: OK\n", null, TestName = "a colon after a date and time, whole seconds")]
    [TestCase("2026-11-30 10:11:12.100  AT+CSQ\r\n2026-11-30 10:11:12.150  +CSQ: 20,99\r\n2026-11-30 10:11:12.160  OK\r\n", 60, TestName = "MobaXterm: two spaces after the stamp")]
    [TestCase("[10:11:12.100]\t  AT+CSQ\n[10:11:12.150]\t  +CSQ: 20,99\n[10:11:12.160]\t  OK\n", 60, TestName = "a tab and spaces after the stamp")]
    [TestCase("10:11:12.100   AT+CSQ\n10:11:12.150   +CSQ: 20,99\n10:11:12.160   OK\n", 60, TestName = "a bare time of day padded to a column")]
    // Whole seconds time no answer: 10:11:12 to 10:11:13 is anything from a few ms to nearly two seconds.
    public void A_stamp_gives_each_line_its_time(string log, int? latencyMs)
    {
        var (_, records) = TempLog.Read(log);
        var analysis = TempLog.Analyze(log);

        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
        Assert.That(analysis.Exchanges.Select(e => e.LatencyMs), Is.EqualTo(new double?[] { latencyMs }));
    }

    [TestCase("\u001b[0;32mI (1000) modem: AT+CSQ\u001b[0m\r\n\u001b[0;32mI (1060) modem: +CSQ: 20,99\u001b[0m\n\u001b[0;32mI (1070) modem: OK\u001b[0m\r", 70, TestName = "ESP-IDF's colours and mixed line ends")]
    [TestCase("\u001b[1;34m[10:11:12.100]\u001b[0m AT+CSQ\n\u001b[1;34m[10:11:12.150]\u001b[0m +CSQ: 20,99\n\u001b[1;34m[10:11:12.160]\u001b[0m OK\n", 60, TestName = "a terminal that colours its stamps")]
    [TestCase("\u001b[32m2026-11-30 10:11:12.100\u001b[0m [modem-rx] \u001b[1;36mDEBUG\u001b[0m c.e.iot.Modem - >> AT+CSQ\n\u001b[32m2026-11-30 10:11:12.150\u001b[0m [modem-rx] \u001b[1;36mDEBUG\u001b[0m c.e.iot.Modem - << +CSQ: 20,99\n\u001b[32m2026-11-30 10:11:12.160\u001b[0m [modem-rx] \u001b[1;36mDEBUG\u001b[0m c.e.iot.Modem - << OK\n", 60, TestName = "a logger that colours its time and its level apart")]
    [TestCase("[11/30/2026 10:11:12.100] AT+CSQ\r\n[11/30/2026 10:11:12.150] +CSQ: 20,99\r\n[11/30/2026 10:11:12.160] OK\r\n", 60, TestName = "a US date, month first, in brackets")]
    [TestCase("30.11.2026 10:11:12.100 AT+CSQ\r\n30.11.2026 10:11:12.150 +CSQ: 20,99\r\n30.11.2026 10:11:12.160 OK\r\n", 60, TestName = "a German date, day first")]
    [TestCase("[00:00:01.100,000] <dbg> modem_cmd: AT+CSQ\r\n[00:00:01.150,500] <dbg> modem_cmd: +CSQ: 20,99\r\n[00:00:01.160,250] <dbg> modem_cmd: OK\r\n", 60, TestName = "Zephyr: uptime to the microsecond, a level and a module")]
    [TestCase("[Mon Nov 30 10:11:12.100 2026] AT+CSQ\r\n[Mon Nov 30 10:11:12.150 2026] +CSQ: 20,99\r\n[Mon Nov 30 10:11:12.160 2026] OK\r\n", 60, TestName = "Tera Term 4: the date around the time")]
    public void A_stamp_after_colours_or_with_the_year_last_gives_each_line_its_time(string log, int latencyMs) => A_stamp_gives_each_line_its_time(log, latencyMs);

    [TestCase("SEND AT+CSQ\r\nRECV +CSQ: 20,99\r\nRECV OK\r\n", TestName = "bare SEND and RECV")]
    [TestCase("Tx AT+CSQ\r\nRx +CSQ: 20,99\r\nRx OK\r\n", TestName = "bare Tx and Rx")]
    [TestCase("W: AT+CSQ\r\nR: +CSQ: 20,99\r\nR: OK\r\n", TestName = "W: and R:")]
    [TestCase("T: AT+CSQ\r\nR: +CSQ: 20,99\r\nR: OK\r\n", TestName = "T: and R: (transmit, receive)")]
    [TestCase("[10:11:12.100] Tx: AT+CSQ\r\n[10:11:12.150] Rx: +CSQ: 20,99\r\n[10:11:12.160] Rx: OK\r\n", TestName = "Tx: and Rx: after a stamp")]
    [TestCase("(2026-11-30 10:11:12.100) [Tx] AT+CSQ\r\n(2026-11-30 10:11:12.150) [Rx] +CSQ: 20,99\r\n(2026-11-30 10:11:12.160) [Rx] OK\r\n", TestName = "YAT: a stamp in parentheses, then [Tx] and [Rx]")]
    [TestCase("2026-11-30 10:11:12.100 [modem-rx] DEBUG c.e.iot.Modem - >> AT+CSQ\n2026-11-30 10:11:12.150 [modem-rx] DEBUG c.e.iot.Modem - << +CSQ: 20,99\n2026-11-30 10:11:12.160 [modem-rx] DEBUG c.e.iot.Modem - << OK\n", TestName = "logback: a thread, a level and a logger before the mark")]
    [TestCase("2026-11-30 10:11:12.100 - SEND - AT+CSQ\n2026-11-30 10:11:12.150 - RECV - +CSQ: 20,99\n2026-11-30 10:11:12.160 - RECV - OK\n", TestName = "a script's logger: dashes around the mark")]
    public void A_direction_mark_gives_each_line_its_side(string log)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Transcript));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
    }

    [Test]
    public void A_modules_SEND_OK_and_Recv_bytes_are_its_lines_not_marks()
    {
        var (_, records) = TempLog.Read("SEND AT+CIPSEND=0,5\r\nRECV >\r\nSEND hello\r\nRECV Recv 5 bytes\r\nRECV SEND OK\r\nSEND OK\r\nRecv 5 bytes\r\n");

        Assert.That(Traffic.Lines(records).TakeLast(2), Is.EqualTo(new[] { (LogDirection.FromModule, "SEND OK"), (LogDirection.FromModule, "Recv 5 bytes") }));
    }
}
