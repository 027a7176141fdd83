using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Logs of a gateway or a test rig that writes the traffic of several modules into one file, each line naming its port
/// or device, written by hand as such programs write them: each device is analysed as a log of its own, so no command
/// of one is answered by another's line. And logs of one module whose lines vary in ways that name no device (a tx and
/// an rx thread, a daemon restarted, a session after another), which stay one log.
/// </summary>
public class SeveralDevicesTests
{
    // Two modules asked the same thing at once: ttyUSB0 has signal 25, ttyUSB1 has 12; read as one log, ttyUSB0's
    // command would take ttyUSB1's answer.
    [TestCase("""
        Nov 30 10:00:00 gw systemd[1]: Started modem daemon.
        Nov 30 10:00:01 gw modemd[311]: [ttyUSB0] > AT+CSQ
        Nov 30 10:00:01 gw modemd[311]: [ttyUSB1] > AT+CSQ
        Nov 30 10:00:01 gw modemd[311]: [ttyUSB1] < +CSQ: 12,99
        Nov 30 10:00:01 gw modemd[311]: [ttyUSB1] < OK
        Nov 30 10:00:02 gw modemd[311]: [ttyUSB0] < +CSQ: 25,99
        Nov 30 10:00:02 gw modemd[311]: [ttyUSB0] < OK
        """, "ttyUSB0", "ttyUSB1", TestName = "syslog of a daemon tagging each port in brackets")]
    [TestCase("""
        [10:00:01.100] [ttyUSB0] TX: AT+CSQ
        [10:00:01.105] [ttyUSB1] TX: AT+CSQ
        [10:00:01.180] [ttyUSB1] RX: +CSQ: 12,99
        [10:00:01.181] [ttyUSB1] RX: OK
        [10:00:01.190] [ttyUSB0] RX: +CSQ: 25,99
        [10:00:01.191] [ttyUSB0] RX: OK
        """, "ttyUSB0", "ttyUSB1", TestName = "a terminal's stamp, then the port, then TX/RX")]
    [TestCase("""
        dev-0417 | 2026-11-30 10:00:01.100 | TX | AT+CSQ
        dev-0533 | 2026-11-30 10:00:01.120 | TX | AT+CSQ
        dev-0533 | 2026-11-30 10:00:01.300 | RX | +CSQ: 12,99
        dev-0533 | 2026-11-30 10:00:01.301 | RX | OK
        dev-0417 | 2026-11-30 10:00:01.350 | RX | +CSQ: 25,99
        dev-0417 | 2026-11-30 10:00:01.351 | RX | OK
        """, "dev-0417", "dev-0533", TestName = "the device first, then bars")]
    [TestCase("""
        2026-11-30 10:00:01.100 modem1 >> AT+CSQ
        2026-11-30 10:00:01.110 modem2 >> AT+CSQ
        2026-11-30 10:00:01.150 modem2 << +CSQ: 12,99
        2026-11-30 10:00:01.151 modem2 << OK
        2026-11-30 10:00:01.300 modem1 << +CSQ: 25,99
        2026-11-30 10:00:01.301 modem1 << OK
        """, "modem1", "modem2", TestName = "a script's stamp, the modem's name and double angles")]
    [TestCase("""
        {"ts":"2026-11-30T10:00:01.100Z","port":"/dev/ttyUSB0","dir":"tx","data":"AT+CSQ"}
        {"ts":"2026-11-30T10:00:01.110Z","port":"/dev/ttyUSB1","dir":"tx","data":"AT+CSQ"}
        {"ts":"2026-11-30T10:00:01.160Z","port":"/dev/ttyUSB1","dir":"rx","data":"+CSQ: 12,99\r\n\r\nOK"}
        {"ts":"2026-11-30T10:00:01.200Z","port":"/dev/ttyUSB0","dir":"rx","data":"+CSQ: 25,99"}
        {"ts":"2026-11-30T10:00:01.201Z","port":"/dev/ttyUSB0","dir":"rx","data":"OK"}
        """, "/dev/ttyUSB0", "/dev/ttyUSB1", TestName = "JSON lines with a port field")]
    [TestCase("时间,设备,方向,数据\r\n10:00:01.100,A01,发送,AT+CSQ\r\n10:00:01.110,B02,发送,AT+CSQ\r\n10:00:01.160,B02,接收,\"+CSQ: 12,99\r\n\r\nOK\"\r\n" +
        "10:00:01.200,A01,接收,\"+CSQ: 25,99\"\r\n10:00:01.201,A01,接收,OK\r\n", "A01", "B02", TestName = "a CSV export with a 设备 column and an answer over several lines")]
    [TestCase("""
        [modemA] > AT+CSQ
        [modemB] > AT+CSQ
        [modemB] < +CSQ: 12,99
        [modemB] < OK
        [modemA] < +CSQ: 25,99
        [modemA] < OK
        """, "modemA", "modemB", TestName = "names of letters alone in brackets")]
    [TestCase("""
        [left] AT+CSQ
        [right] AT+CSQ
        [right] +CSQ: 12,99
        [right] OK
        [left] +CSQ: 25,99
        [left] OK
        """, "left", "right", TestName = "left and right without marks, the direction from the text")]
    [TestCase("""
        nbiot-east | TX | AT+CSQ
        nbiot-west | TX | AT+CSQ
        nbiot-west | RX | +CSQ: 12,99
        nbiot-west | RX | OK
        nbiot-east | RX | +CSQ: 25,99
        nbiot-east | RX | OK
        """, "nbiot-east", "nbiot-west", TestName = "a site's names first, then bars")]
    [TestCase("""
        Nov 30 10:00:01 gw modemd[311]: [north] > AT+CSQ
        Nov 30 10:00:01 gw modemd[311]: [south] > AT+CSQ
        Nov 30 10:00:01 gw modemd[311]: [south] < +CSQ: 12,99
        Nov 30 10:00:01 gw modemd[311]: [south] < OK
        Nov 30 10:00:02 gw modemd[311]: [north] < +CSQ: 25,99
        Nov 30 10:00:02 gw modemd[311]: [north] < OK
        """, "north", "south", TestName = "syslog of a daemon naming each module by a word, after the month, the host and the program")]
    [TestCase("""
        Nov 30 10:00:01 gw modemd[311]: INFO [north] > AT+CSQ
        Nov 30 10:00:01 gw modemd[311]: INFO [south] > AT+CSQ
        Nov 30 10:00:01 gw modemd[311]: DEBUG [south] < +CSQ: 12,99
        Nov 30 10:00:01 gw modemd[311]: DEBUG [south] < OK
        Nov 30 10:00:02 gw modemd[311]: DEBUG [north] < +CSQ: 25,99
        Nov 30 10:00:02 gw modemd[311]: DEBUG [north] < OK
        """, "north", "south", TestName = "syslog of a daemon that writes a level before each module's name")]
    [TestCase("""
        [10:00:01.100] [A] > AT+CSQ
        [10:00:01.105] [B] > AT+CSQ
        [10:00:01.180] [B] < +CSQ: 12,99
        [10:00:01.181] [B] < OK
        [10:00:01.190] [A] < +CSQ: 25,99
        [10:00:01.191] [A] < OK
        """, "A", "B", TestName = "two modules of one gateway named by a letter in brackets")]
    [TestCase("""
        A: AT+CSQ
        B: AT+CSQ
        B: +CSQ: 12,99
        B: OK
        A: +CSQ: 25,99
        A: OK
        """, "A", "B", TestName = "a letter and a colon, no marks, the direction from the text")]
    public void Each_device_is_answered_by_its_own_lines(string log, string first, string second)
    {
        var (analyses, devices) = Analyze(log);

        Assert.That(devices, Is.EqualTo(new[] { first, second }), "the devices, in the order they first appear");
        Assert.That(analyses.Select(a => a.Channel), Is.EqualTo(new[] { first, second }));
        Assert.That(Answer(analyses[0]), Is.EqualTo("+CSQ: 25,99"), $"{first} is answered by its own line");
        Assert.That(Answer(analyses[1]), Is.EqualTo("+CSQ: 12,99"), $"{second} is answered by its own line");
        Assert.That(analyses.Select(a => (a.Summary.Commands, a.Summary.Ok, a.Summary.Unanswered)), Is.All.EqualTo((1, 1, 0)));
        // Syslog's whole seconds time no answer (whole-second-stamps); nothing else may be found.
        Assert.That(analyses.SelectMany(a => a.Diagnostics).Where(d => d.Code != "whole-second-stamps"), Is.Empty, "nothing is left unanswered or answered twice");
    }

    [Test]
    public void Modules_named_by_a_letter_each_have_their_own_latencies()
    {
        // A gateway's script polling two modules, A and B, by turns; each answers at its own pace. Read as one log, A's
        // AT+MQTTSTAT? would end at B's OK after 52 ms instead of its own after 310 ms.
        var (analyses, devices) = Analyze("""
            10:00:01.100 A: AT+MQTTSTAT?
            10:00:01.120 B: AT+MQTTSTAT?
            10:00:01.150 B: +MQTTSTAT: 1
            10:00:01.152 B: OK
            10:00:01.400 A: +MQTTSTAT: 5
            10:00:01.410 A: OK
            10:00:02.000 B: AT+CSQ
            10:00:02.030 A: AT+CSQ
            10:00:02.060 A: +CSQ: 25,99
            10:00:02.061 A: OK
            10:00:02.500 B: +CSQ: 12,99
            10:00:02.501 B: OK
            """);

        Assert.That(devices, Is.EqualTo(new[] { "A", "B" }));
        Assert.That(analyses.Select(a => (a.Channel, string.Join(" ", a.Exchanges.Select(e => $"{e.Command}={e.LatencyMs}:{e.Information.Single()}")))), Is.EqualTo(new[]
        {
            ("A", "AT+MQTTSTAT?=310:+MQTTSTAT: 5 AT+CSQ=31:+CSQ: 25,99"),
            ("B", "AT+MQTTSTAT?=32:+MQTTSTAT: 1 AT+CSQ=501:+CSQ: 12,99"),
        }));
        Assert.That(analyses.SelectMany(a => a.Diagnostics), Is.Empty);
    }

    [Test]
    public void An_echo_is_judged_within_one_device_not_across_devices()
    {
        // No marks: the direction comes from the text. modem1's AT+CSQ a second after modem0's is its own command,
        // not the echo of modem0's. A daemon per modem, each in the journal by its name.
        var (analyses, _) = Analyze("""
            Nov 30 10:00:01 gw modem0[311]: AT+CSQ
            Nov 30 10:00:02 gw modem1[312]: AT+CSQ
            Nov 30 10:00:02 gw modem1[312]: +CSQ: 12,99
            Nov 30 10:00:02 gw modem1[312]: OK
            Nov 30 10:00:02 gw modem0[311]: +CSQ: 25,99
            Nov 30 10:00:02 gw modem0[311]: OK
            """);

        Assert.That(analyses.Select(a => (a.Channel, a.Summary.Commands, Answer(a))),
            Is.EqualTo(new[] { ("modem0", 1, "+CSQ: 25,99"), ("modem1", 1, "+CSQ: 12,99") }));
    }

    [Test]
    public void One_device_is_analysed_alone_when_asked_by_its_name_without_the_folder()
    {
        using var temp = new TempLog();
        var source = LogSource.Open(temp.Write("gw.jsonl", """
            {"ts":"2026-11-30T10:00:01.100Z","port":"/dev/ttyUSB0","dir":"tx","data":"AT+CSQ"}
            {"ts":"2026-11-30T10:00:01.110Z","port":"/dev/ttyUSB1","dir":"tx","data":"AT+CGATT?"}
            {"ts":"2026-11-30T10:00:01.160Z","port":"/dev/ttyUSB1","dir":"rx","data":"+CGATT: 1"}
            {"ts":"2026-11-30T10:00:01.161Z","port":"/dev/ttyUSB1","dir":"rx","data":"OK"}
            {"ts":"2026-11-30T10:00:01.200Z","port":"/dev/ttyUSB0","dir":"rx","data":"+CSQ: 25,99"}
            {"ts":"2026-11-30T10:00:01.201Z","port":"/dev/ttyUSB0","dir":"rx","data":"OK"}
            """));

        var analyses = TimelineBuilder.AnalyzeChannels(source, null, "ttyusb1", out var devices);

        Assert.That(devices, Is.EqualTo(new[] { "/dev/ttyUSB0", "/dev/ttyUSB1" }), "every device is named");
        Assert.That(analyses.Select(a => (a.Channel, a.Exchanges.Single().Command, a.Exchanges.Single().LatencyMs)),
            Is.EqualTo(new[] { ("/dev/ttyUSB1", "AT+CGATT?", (double?)51) }));
    }

    [Test]
    public void A_password_stays_masked_in_the_device_it_was_sent_to()
    {
        var (analyses, _) = Analyze("""
            2026-11-30 10:00:01.100 modem1 >> AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Zq8pLm2w",1
            2026-11-30 10:00:01.110 modem2 >> AT+CSQ
            2026-11-30 10:00:01.150 modem2 << +CSQ: 9,99
            2026-11-30 10:00:01.151 modem2 << OK
            2026-11-30 10:00:01.300 modem1 << OK
            """);

        var command = analyses[0].Exchanges.Single().Command;
        Assert.That(command, Does.Contain("\"***\"").And.Not.Contain("Zq8pLm2w"));
    }

    // One module's log whose lines vary in their prefix in ways that are no device.
    [TestCase("""
        2026-11-30 10:00:01.100 [Thread-3] DEBUG c.e.Modem - >> AT+CSQ
        2026-11-30 10:00:01.180 [Thread-4] DEBUG c.e.Modem - << +CSQ: 20,99
        2026-11-30 10:00:01.181 [Thread-4] DEBUG c.e.Modem - << OK
        2026-11-30 10:00:02.100 [Thread-3] DEBUG c.e.Modem - >> AT+CGATT?
        2026-11-30 10:00:02.180 [Thread-4] DEBUG c.e.Modem - << +CGATT: 1
        2026-11-30 10:00:02.181 [Thread-4] DEBUG c.e.Modem - << OK
        """, 2, TestName = "a tx thread and an rx thread of one port")]
    [TestCase("""
        10:00:01.100 tid=w1 TX: AT+CSQ
        10:00:01.180 tid=r2 RX: +CSQ: 20,99
        10:00:01.181 tid=r2 RX: OK
        10:00:02.100 tid=w1 TX: AT+CGATT?
        10:00:02.180 tid=r2 RX: +CGATT: 1
        10:00:02.181 tid=r2 RX: OK
        """, 2, TestName = "a writer's and a reader's ids")]
    [TestCase("""
        Nov 30 10:00:01 gw modemd[311]: > AT+CSQ
        Nov 30 10:00:01 gw modemd[311]: < +CSQ: 20,99
        Nov 30 10:00:01 gw modemd[311]: < OK
        Nov 30 10:05:00 gw modemd[412]: > AT+CSQ
        Nov 30 10:05:00 gw modemd[412]: < +CSQ: 21,99
        Nov 30 10:05:00 gw modemd[412]: < OK
        Nov 30 10:05:01 gw modemd[412]: > AT+CGATT?
        Nov 30 10:05:01 gw modemd[412]: < +CGATT: 1
        Nov 30 10:05:01 gw modemd[412]: < OK
        """, 3, TestName = "a daemon restarted with a new pid")]
    [TestCase("""
        2026-11-30 10:00:01.100 run-1 >> AT+CSQ
        2026-11-30 10:00:01.180 run-1 << +CSQ: 20,99
        2026-11-30 10:00:01.181 run-1 << OK
        2026-11-30 11:00:01.100 run-2 >> AT+CSQ
        2026-11-30 11:00:01.180 run-2 << +CSQ: 22,99
        2026-11-30 11:00:01.181 run-2 << OK
        """, 2, TestName = "one session after another")]
    [TestCase("""
        2026-11-30 10:00:01.100 | DEBUG | modem:send:42 - >> AT+CSQ
        2026-11-30 10:00:01.180 | DEBUG | modem:recv:57 - << +CSQ: 20,99
        2026-11-30 10:00:01.181 | DEBUG | modem:recv:57 - << OK
        2026-11-30 10:00:02.100 | DEBUG | modem:send:42 - >> AT+CGATT?
        2026-11-30 10:00:02.180 | DEBUG | modem:recv:57 - << +CGATT: 1
        2026-11-30 10:00:02.181 | DEBUG | modem:recv:57 - << OK
        """, 2, TestName = "loguru's function and line numbers")]
    [TestCase("""
        I (1100) main: TX: AT+CSQ
        I (1150) uart: RX: +CSQ: 20,99
        I (1151) uart: RX: OK
        I (2100) main: TX: AT+CGATT?
        I (2150) uart: RX: +CGATT: 1
        I (2151) uart: RX: OK
        """, 2, TestName = "a main task's commands answered under the uart task")]
    [TestCase("""
        10:00:01.100 [main] >> AT+CSQ
        10:00:01.110 [uart] << AT+CSQ
        10:00:01.150 [uart] << +CSQ: 20,99
        10:00:01.151 [uart] << OK
        10:00:01.160 [main] << OK
        10:00:02.100 [main] >> AT+CGATT?
        10:00:02.110 [uart] << AT+CGATT?
        10:00:02.150 [uart] << +CGATT: 1
        10:00:02.151 [uart] << OK
        10:00:02.160 [main] << OK
        """, 2, TestName = "a uart task that logs the echo and a main task that logs the result")]
    [TestCase("""
        [10:00:01.100] [host] AT+CSQ
        [10:00:01.110] [module] AT+CSQ
        [10:00:01.150] [module] +CSQ: 20,99
        [10:00:01.151] [module] OK
        [10:00:02.100] [host] AT+CGATT?
        [10:00:02.110] [module] AT+CGATT?
        [10:00:02.150] [module] +CGATT: 1
        [10:00:02.151] [module] OK
        """, 2, TestName = "a host's and a module's side by name, the module echoing")]
    public void A_log_of_one_module_is_not_split(string log, int commands)
    {
        using var temp = new TempLog();
        var source = LogSource.Open(temp.Write("one.log", log));

        Assert.That(source.Channels, Is.Null);
        var analysis = TimelineBuilder.Analyze(source);
        Assert.That((analysis.Summary.Commands, analysis.Summary.Ok), Is.EqualTo((commands, commands)));
    }

    // One module's log whose single letters are the logger's levels, not devices: the letters take turns, and in the
    // last three cases each one's commands are answered under it, as two devices' would be.
    [TestCase("""
        [I] > AT+CSQ
        [D] < +CSQ: 20,99
        [D] < OK
        [I] > AT+CGATT?
        [D] < +CGATT: 1
        [D] < OK
        """, 2, 0, TestName = "host lines under I and the module's answers under D")]
    [TestCase("""
        2026-11-30 10:00:01.100 [D] >> AT+CSQ
        2026-11-30 10:00:01.180 [D] << +CSQ: 20,99
        2026-11-30 10:00:01.181 [D] << OK
        2026-11-30 10:00:02.100 [I] >> AT+CGATT?
        2026-11-30 10:00:02.180 [I] << +CGATT: 1
        2026-11-30 10:00:02.181 [I] << OK
        2026-11-30 10:00:03.100 [D] >> AT+CSQ
        2026-11-30 10:00:03.180 [D] << +CSQ: 21,99
        2026-11-30 10:00:03.181 [D] << OK
        """, 3, 0, TestName = "a verbosity switched from debug to info and back")]
    [TestCase("""
        I (1100) modem: TX: AT+CSQ
        I (1150) modem: RX: +CSQ: 20,99
        I (1151) modem: RX: OK
        W (2100) modem: TX: AT+MQTTSUB="$creq/#",1
        W (2150) modem: RX: +CME ERROR: 3
        I (3100) modem: TX: AT+CGATT?
        I (3150) modem: RX: +CGATT: 1
        I (3151) modem: RX: OK
        W (4100) modem: TX: AT+MQTTSUB="$creq/#",1
        W (4150) modem: RX: +CME ERROR: 3
        """, 4, 2, TestName = "ESP-IDF writing everything under I, a failed command under W")]
    [TestCase("""
        10:00:01.100 [I] AT+CSQ
        10:00:01.150 [I] +CSQ: 20,99
        10:00:01.151 [I] OK
        10:00:02.100 [E] AT+MQTTOPEN=1,1,0,0,0,"",""
        10:00:02.150 [E] ERROR
        10:00:03.100 [I] AT+CGATT?
        10:00:03.150 [I] +CGATT: 1
        10:00:03.151 [I] OK
        """, 3, 1, TestName = "info lines and an error level without marks")]
    public void A_log_tagged_by_levels_is_not_split(string log, int commands, int errors)
    {
        using var temp = new TempLog();
        var source = LogSource.Open(temp.Write("levels.log", log));

        Assert.That(source.Channels, Is.Null);
        var analysis = TimelineBuilder.Analyze(source);
        Assert.That((analysis.Summary.Commands, analysis.Summary.Ok, analysis.Summary.Errors), Is.EqualTo((commands, commands - errors, errors)));
    }

    private static (IReadOnlyList<Analysis> Analyses, IReadOnlyList<string> Devices) Analyze(string log)
    {
        using var temp = new TempLog();
        var source = LogSource.Open(temp.Write("gateway.log", log));
        Assert.That(source.Channels, Is.Not.Null, "the log is one of several devices");
        var analyses = TimelineBuilder.AnalyzeChannels(source, null, null, out var devices);
        return (analyses, devices);
    }

    // The information the module gave with the first command's final result.
    private static string Answer(Analysis analysis) => analysis.Exchanges[0].Information.Single();
}
