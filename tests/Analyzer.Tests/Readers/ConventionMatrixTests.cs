using System.Globalization;
using System.Text;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// One session, written down the ways people write serial sessions down — a direction mark of one tool or another,
/// a stamp of one style or another, or neither — must be read as the same session every time: the same commands with
/// the same answers, the same URCs, the same findings.
/// </summary>
public class ConventionMatrixTests
{
    // A device's session, by hand: seconds since the start, who wrote the line (host or module), the line.
    private static readonly (double At, bool Host, string Text)[] Session =
    [
        (0.30, true, "AT"), (0.35, false, "OK"),
        (0.65, true, "AT+CSQ"), (0.70, false, "+CSQ: 21,99"), (0.75, false, "OK"),
        (1.05, true, "AT+CEREG?"), (1.10, false, "+CEREG: 0,1"), (1.15, false, "OK"),
        (1.45, true, "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev77\",120,\"pid9\",\"Zx9Lk3Pq7Wm2\",1"), (1.50, false, "OK"),
        (1.80, true, "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\""), (1.85, false, "OK"), (3.05, false, "+MQTTOPEN: OK"),
        (3.35, true, "AT+MQTTSUB=\"cmd/dev77\",1"), (3.40, false, "OK"), (3.80, false, "+MQTTSUBACK: 1,1,\"cmd/dev77\""),
        (4.10, true, "AT+MQTTPUB=\"up/dev77\",1,0,0,4,31323334"), (4.15, false, "OK"), (4.65, false, "+MQTTPUBACK: 2,1"),
        (4.95, true, "AT+MQTTPUB=\"up/dev77\",2,0,0,0,\"hello\""), (5.00, false, "OK"),
        (5.30, false, "+MQTTPUBREC: 0,3"), (5.60, false, "+MQTTPUBCOMP: 0,3"),
        (7.60, false, "+MQTTPUBLISH: 0,1,0,7,\"cmd/dev77\",5,abcde"),
        (7.90, true, "AT+MQTTUNSUB=\"nothing/here\""), (7.95, false, "+CME ERROR: 3"),
        (8.25, true, "AT+MQTTUNSUB=\"cmd/dev77\""), (8.30, false, "OK"), (8.70, false, "+MQTTUNSUBACK: 4"),
        (13.70, false, "+MQTTPINGRSP: OK"),
        (14.00, true, "AT+MQTTSTAT?"), (14.05, false, "+MQTTSTAT: 5"), (14.10, false, "OK"),
        (14.40, true, "AT+MQTTDISC"), (14.45, false, "OK"), (14.75, false, "+MQTTDISC: OK"),
        (15.05, true, "AT+MQTTDEL"), (15.10, false, "OK"),
    ];

    private static readonly DateTime Start = new(2026, 11, 30, 8, 0, 0);

    // What people put before the host's and the module's lines.
    private static readonly Dictionary<string, (string Host, string Module)> Marks = new()
    {
        ["none"] = ("", ""), [">> <<"] = (">> ", "<< "), ["-> <-"] = ("-> ", "<- "),
        ["--> <--"] = ("--> ", "<-- "), ["=> <="] = ("=> ", "<= "), ["[TX] [RX]"] = ("[TX] ", "[RX] "),
        ["TX: RX:"] = ("TX: ", "RX: "), ["tx: rx:"] = ("tx: ", "rx: "), ["SEND: RECV:"] = ("SEND: ", "RECV: "),
        ["发送： 接收："] = ("发送：", "接收："), ["W: R:"] = ("W: ", "R: "), ["T: R:"] = ("T: ", "R: "),
        ["> <"] = ("> ", "< "), [">< no space"] = (">", "<"), ["< > the other way round"] = ("< ", "> "),
    };

    // How people stamp a line.
    private static readonly Dictionary<string, Func<double, string>> Stamps = new()
    {
        ["none"] = _ => "",
        ["time of day"] = at => $"{Time(at):HH:mm:ss.fff} ",
        ["[time of day]"] = at => $"[{Time(at):HH:mm:ss.fff}] ",
        ["(time of day)"] = at => $"({Time(at):HH:mm:ss.fff}) ",
        ["time:ms"] = at => $"{Time(at):HH:mm:ss}:{Time(at):fff} ",
        ["date/time"] = at => $"{Time(at):yyyy/MM/dd HH:mm:ss.fff} ",
        ["logging comma"] = at => $"{Time(at):yyyy-MM-dd HH:mm:ss,fff} ",
        ["ISO 8601"] = at => $"{Time(at):yyyy-MM-ddTHH:mm:ss.fff}Z ",
        ["syslog"] = at => $"{Time(at):MMM dd HH:mm:ss} gw modem[311]: ",
        ["journalctl -o short-precise"] = at => $"{Time(at):MMM dd HH:mm:ss.ffffff} gw modem[311]: ",
        ["journalctl -o short-iso-precise"] = at => $"{Time(at):yyyy-MM-ddTHH:mm:ss.ffffff}+0800 gw modem[311]: ",
        ["syslog without the host"] = at => $"{Time(at):MMM d HH:mm:ss.fff} modem[311]: ",
        ["journalctl -o short-full"] = at => $"{Time(at):ddd yyyy-MM-dd HH:mm:ss} CST gw modem[311]: ",
        ["journalctl -o short-unix"] = at => $"{(Time(at) - DateTime.UnixEpoch).TotalSeconds:F6} gw modem[311]: ",
        ["epoch"] = at => $"{(Time(at) - DateTime.UnixEpoch).TotalSeconds:F3} ",
        ["since boot"] = at => $"[{at,11:F6}] ",
        ["an MCU's tick and a tag"] = at => $"[{Ticks(at):D10}] [AT] ",
        ["millis() in brackets"] = at => $"[{Ticks(at)}] ",
        ["a tick after a word"] = at => $"tick {Ticks(at)}: ",
        ["ESP-IDF"] = at => $"I ({Ticks(at)}) modem: ",
        ["Zephyr"] = at => $"[00:00:{12 + at:00.000},000] <dbg> modem_cmd: ",
        ["loguru"] = at => $"{Time(at):yyyy-MM-dd HH:mm:ss.fff} | DEBUG    | modem:io:42 - ",
        ["log4j, a thread and a logger"] = at => $"{Time(at):yyyy-MM-dd HH:mm:ss,fff} DEBUG [uart-rx] c.e.Modem: ",
        ["a time of day and a tag"] = at => $"{Time(at):HH:mm:ss.fff} [AT] ",
    };

    // An MCU's millisecond tick, the device up 12 s when the session starts.
    private static long Ticks(double at) => 12_000 + (long)Math.Round(at * 1000);

    // The stamps written without a fraction of a second.
    private static readonly HashSet<string> WholeSeconds = ["syslog", "journalctl -o short-full"];

    private static DateTime Time(double at) => Start.AddSeconds(at);

    private static string Render(string mark, string stamp) => string.Concat(Session.Select(line =>
        string.Create(CultureInfo.InvariantCulture, $"{Stamps[stamp](line.At)}{(line.Host ? Marks[mark].Host : Marks[mark].Module)}{line.Text}\n")));

    private static IEnumerable<TestCaseData> Conventions() =>
        from mark in Marks.Keys from stamp in Stamps.Keys select new TestCaseData(mark, stamp).SetArgDisplayNames(mark, stamp);

    [Test]
    public void The_session_as_the_module_prints_it_is_read_as_written()
    {
        var analysis = TempLog.Analyze(Render("none", "none"));

        Assert.That(analysis.Summary.Commands, Is.EqualTo(Session.Count(l => l.Host)));
        Assert.That(analysis.Exchanges.Count(e => e.Final == "OK"), Is.EqualTo(Session.Count(l => l.Host) - 1));
        Assert.That(analysis.Exchanges.Single(e => e.Final != "OK").Final, Is.EqualTo("+CME ERROR: 3"));
        Assert.That(analysis.Urcs.Select(u => u.Name), Is.EqualTo(new[]
        {
            "+MQTTOPEN", "+MQTTSUBACK", "+MQTTPUBACK", "+MQTTPUBREC", "+MQTTPUBCOMP", "+MQTTPUBLISH", "+MQTTUNSUBACK", "+MQTTPINGRSP", "+MQTTDISC",
        }));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EquivalentTo(new[] { "cme-error" }));
    }

    [TestCaseSource(nameof(Conventions))]
    public void Every_way_of_writing_the_session_down_reads_as_the_same_session(string mark, string stamp)
    {
        var expected = TempLog.Analyze(Render("none", "none"));
        var log = Render(mark, stamp);

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information))),
            Is.EqualTo(expected.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information)))), log);
        Assert.That(analysis.Urcs.Select(u => u.Text), Is.EqualTo(expected.Urcs.Select(u => u.Text)), log);
        // Stamps of whole seconds time no answer, and say so once.
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EquivalentTo(expected.Diagnostics.Select(d => d.Code)
            .Concat(WholeSeconds.Contains(stamp) ? ["whole-second-stamps"] : [])), log);
        Assert.That(string.Join("\n", analysis.Exchanges.Select(e => e.Command)), Does.Not.Contain("Zx9Lk3Pq7Wm2"));
    }
}
