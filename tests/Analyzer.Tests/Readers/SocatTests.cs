using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>socat's verbose dump (<c>socat -v</c>) and hex dump (<c>-x</c>, <c>-v -x</c>) of a serial port relayed to a pseudo-terminal, written here by hand.</summary>
public class SocatTests
{
    private const string Csq =
        "> 2026/11/30 14:02:10.100000  length=7 from=0 to=6\n" +
        "AT+CSQ\\r\n" +
        "< 2026/11/30 14:02:10.130000  length=9 from=0 to=8\n" +
        "\\r\n" +
        "+CSQ: 2\n" +
        "< 2026/11/30 14:02:10.131500  length=12 from=9 to=20\n" +
        "0,99\\r\n" +
        "\\r\n" +
        "OK\\r\n";

    [Test]
    public void Packets_are_read_as_their_bytes_with_the_headers_time()
    {
        var (source, records) = TempLog.Read(Csq);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Socat), () => string.Join(", ", source.Detection.Scores));
        // A packet that ends inside a line runs on into the next one of its side.
        Assert.That(records.Select(r => (r.Direction, r.Text)), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+CSQ\r"), (LogDirection.FromModule, "\r\n"), (LogDirection.FromModule, "+CSQ: 20,99\r\n\r\nOK\r\n"),
        }));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 2L, 5L, 5L }));
        Assert.That(records[1].Time - records[0].Time, Is.EqualTo(TimeSpan.FromMilliseconds(30)));
        Assert.That(records[2].Time - records[0].Time, Is.EqualTo(TimeSpan.FromMilliseconds(31.5)));
    }

    [Test]
    public void The_mark_carrying_the_commands_is_the_hosts_whichever_way_socat_named_the_addresses()
    {
        var reversed = string.Concat(Csq.Split('\n').Select(line => line switch
        {
            ['>', ..] => "<" + line[1..],
            ['<', ..] => ">" + line[1..],
            _ => line,
        } + "\n"))[..^1];

        var analysis = TempLog.Analyze(reversed);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information))), Is.EqualTo(new[] { ("AT+CSQ", "OK", "+CSQ: 20,99") }));
        Assert.That(analysis.Exchanges.Single().LatencyMs, Is.EqualTo(31.5).Within(0.5));
    }

    private const string Password = "Zx9Lk3Pq7Wm2";

    // `socat -v -x /dev/ttyUSB0,raw,b9600 PTY,link=/tmp/modem`: rows of up to 16 bytes (a row ends after an LF), their
    // characters beside them, `--` after each packet; a line of the module split over two reads (`\r\nO`, `K\r\n`).
    private const string VerboseHex =
        "> 2026/11/30 14:02:10.100000  length=8 from=0 to=7\n" +
        " 41 54 2b 43 53 51 0d 0a                          AT+CSQ..\n" +
        "--\n" +
        "< 2026/11/30 14:02:10.131000  length=21 from=0 to=20\n" +
        " 0d 0a                                            ..\n" +
        " 2b 43 53 51 3a 20 32 31 2c 39 39 0d 0a           +CSQ: 21,99..\n" +
        " 0d 0a                                            ..\n" +
        " 4f 4b 0d 0a                                      OK..\n" +
        "--\n" +
        "> 2026/11/30 14:02:11.000000  length=69 from=8 to=76\n" +
        " 41 54 2b 4d 51 54 54 43 46 47 3d 22 31 38 33 2e  AT+MQTTCFG=\"183.\n" +
        " 32 33 30 2e 34 30 2e 33 39 22 2c 36 30 30 32 2c  230.40.39\",6002,\n" +
        " 22 64 65 76 37 37 22 2c 31 32 30 2c 22 70 69 64  \"dev77\",120,\"pid\n" +
        " 39 22 2c 22 5a 78 39 4c 6b 33 50 71 37 57 6d 32  9\",\"Zx9Lk3Pq7Wm2\n" +
        " 22 2c 31 0d 0a                                   \",1..\n" +
        "--\n" +
        "< 2026/11/30 14:02:11.020000  length=3 from=21 to=23\n" +
        " 0d 0a                                            ..\n" +
        " 4f                                               O\n" +
        "--\n" +
        "< 2026/11/30 14:02:11.045000  length=3 from=24 to=26\n" +
        " 4b 0d 0a                                         K..\n" +
        "--\n" +
        "> 2026/11/30 14:02:11.500000  length=29 from=77 to=105\n" +
        " 41 54 2b 4d 51 54 54 4f 50 45 4e 3d 31 2c 31 2c  AT+MQTTOPEN=1,1,\n" +
        " 30 2c 30 2c 30 2c 22 22 2c 22 22 0d 0a           0,0,0,\"\",\"\"..\n" +
        "--\n" +
        "< 2026/11/30 14:02:11.550000  length=6 from=27 to=32\n" +
        " 0d 0a                                            ..\n" +
        " 4f 4b 0d 0a                                      OK..\n" +
        "--\n" +
        "< 2026/11/30 14:02:12.750000  length=17 from=33 to=49\n" +
        " 0d 0a                                            ..\n" +
        " 2b 4d 51 54 54 4f 50 45 4e 3a 20 4f 4b 0d 0a     +MQTTOPEN: OK..\n" +
        "--\n";

    [TestCase("\n", TestName = "socat -v -x, LF")]
    [TestCase("\r\n", TestName = "socat -v -x, CR LF (the dump saved on Windows)")]
    public void Hex_rows_are_read_as_the_packets_bytes_their_characters_left(string lineEnd)
    {
        var (source, records) = TempLog.Read(VerboseHex.ReplaceLineEndings(lineEnd));

        Assert.That(source.Format, Is.EqualTo(LogFormat.Socat), () => string.Join(", ", source.Detection.Scores));
        Assert.That(string.Concat(records.Where(r => r.Direction == LogDirection.ToModule).Select(r => r.Text)), Is.EqualTo(
            "AT+CSQ\r\nAT+MQTTCFG=\"183.230.40.39\",6002,\"dev77\",120,\"pid9\",\"" + Password + "\",1\r\nAT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n"));
        Assert.That(string.Concat(records.Where(r => r.Direction == LogDirection.FromModule).Select(r => r.Text)), Is.EqualTo(
            "\r\n+CSQ: 21,99\r\n\r\nOK\r\n\r\nOK\r\n\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n"));
        Assert.That(records.First(r => r.Text.StartsWith("AT+MQTTCFG", StringComparison.Ordinal)).Line, Is.EqualTo(11), "a packet is numbered by its first row");
    }

    [Test]
    public void A_hex_dump_is_analysed_as_the_session_the_password_masked_and_a_split_line_timed_by_its_end()
    {
        var analysis = TempLog.Analyze(VerboseHex);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[]
        {
            ("AT+CSQ", "OK", 31), ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev77\",120,\"pid9\",\"***\",1", "OK", 45),
            ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK", 50),
        }));
        Assert.That(analysis.Urcs.Select(u => u.Name), Is.EqualTo(new[] { "+MQTTOPEN" }));
        Assert.That(Conformance.Analyzer.Reports.JsonReport.Write(analysis), Does.Not.Contain(Password));
    }

    [Test]
    public void Hex_alone_one_line_a_packet_is_read_among_socats_notices_whichever_way_the_addresses_were_named()
    {
        // `socat -d -d -x PTY,link=/tmp/modem /dev/ttyUSB0,raw`: the port is the second address, so the host's packets are `<`.
        const string log =
            "2026/11/30 14:02:09 socat[2211] N PTY is /dev/pts/3\r\n" +
            "2026/11/30 14:02:09 socat[2211] N opening character device \"/dev/ttyUSB0\" for reading and writing\r\n" +
            "2026/11/30 14:02:09 socat[2211] N starting data transfer loop with FDs [5,5] and [7,7]\r\n" +
            "< 2026/11/30 14:02:10.200000  length=4 from=0 to=3\r\n" +
            " 41 54 0d 0a\r\n" +
            "> 2026/11/30 14:02:10.260000  length=6 from=0 to=5\r\n" +
            " 0d 0a 4f 4b 0d 0a\r\n" +
            "< 2026/11/30 14:02:12.000000  length=15 from=4 to=18\r\n" +
            " 41 54 2b 4d 51 54 54 53 54 41 54 3f 0d 0a\r\n" +
            "> 2026/11/30 14:02:12.042000  length=21 from=6 to=26\r\n" +
            " 0d 0a 2b 4d 51 54 54 53 54 41 54 3a 20 35 0d 0a 0d 0a 4f 4b 0d 0a\r\n" +
            "2026/11/30 14:02:20 socat[2211] N socket 1 (fd 5) is at EOF\r\n" +
            "2026/11/30 14:02:20 socat[2211] N exiting with status 0\r\n";

        var (source, _) = TempLog.Read(log);
        var analysis = TempLog.Analyze(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Socat), () => string.Join(", ", source.Detection.Scores));
        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs, string.Join("|", e.Information))), Is.EqualTo(new (string, string?, double?, string)[]
        {
            ("AT", "OK", 60, ""), ("AT+MQTTSTAT?", "OK", 42, "+MQTTSTAT: 5"),
        }));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Has.None.EqualTo("unreadable-line"), "socat's notices are not the module's");
    }
}
