using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Lines a terminal split over two stamps, as Tera Term, SSCOM or Docklight write each read of the port (hand-written
/// here): the pieces are read as one line and noted once; two real lines are never joined.
/// </summary>
public class SplitLineTests
{
    private const string Split =
        "[12:00:00.000] AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod\",\"Pw9xQ2\",1\r\n" +
        "[12:00:00.050] OK\r\n" +
        "[12:00:00.100] AT+MQTTOP\r\n" +
        "[12:00:00.102] EN=1,1,0,0,0,\"\",\"\"\r\n" +
        "[12:00:00.200] OK\r\n" +
        "[12:00:01.100] +MQTTOP\r\n" +
        "[12:00:01.102] EN: OK\r\n" +
        "[12:00:02.000] AT+MQTTP\r\n" +
        "[12:00:02.003] UB=\"t\",1,0,0,2,\"6869\"\r\n" +
        "[12:00:02.100] O\r\n" +
        "[12:00:02.101] K\r\n" +
        "[12:00:02.300] +MQTTPUBACK: 1,1\r\n" +
        "[12:00:03.000] AT+MQTTSUB=\"$sys/p/d/cmd/#\",1\r\n" +
        "[12:00:03.050] OK\r\n" +
        "[12:00:03.400] +MQTTPUBLISH: 0,1,0,7,\"$sys/p/d/cmd/x\",6,\"abc\r\n" +
        "[12:00:03.405] def\"\r\n" +
        "[12:00:03.500] +MQTTSUBACK: 1,1,\"$sys/p/d/cmd/#\"\r\n";

    [Test]
    public void Pieces_of_one_line_are_read_as_that_line_and_noted_once()
    {
        var analysis = TempLog.Analyze(Split);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[]
        {
            ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod\",\"***\",1", "OK"),
            ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK"),
            ("AT+MQTTPUB=\"t\",1,0,0,2,\"6869\"", "OK"),
            ("AT+MQTTSUB=\"$sys/p/d/cmd/#\",1", "OK"),
        }));
        Assert.That(analysis.Urcs.Select(u => (u.Name, u.CommandLine)), Is.EqualTo(new (string, long?)[]
        {
            ("+MQTTOPEN", 3), ("+MQTTPUBACK", 8), ("+MQTTPUBLISH", null), ("+MQTTSUBACK", 13),
        }));
        // The message split inside its quotes is read whole: its 6 bytes are msg_len, so no length mismatch is reported.
        Assert.That(analysis.Diagnostics.Where(d => d.Severity != Conformance.Protocol.Codes.Severity.Note), Is.Empty);
        Assert.That(analysis.Diagnostics.Where(d => d.Code == "split-line").Select(d => d.Line), Is.EqualTo(new[] { 3L }));
    }

    [Test]
    public void A_command_a_read_cut_inside_its_keepalive_is_one_command_its_password_masked()
    {
        // tio's stamps on each read: the host's CFG cut after the `1` of its keepalive 120.
        var analysis = TempLog.Analyze(
            "[12:00:00.100] AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",1\r\n" +
            "[12:00:00.103] 20,\"prod1\",\"Pw9xQ2\",1\r\n" +
            "[12:00:00.150] OK\r\n" +
            "[12:00:01.000] AT+MQTTSTAT?\r\n" +
            "[12:00:01.020] +MQTTSTAT: 1\r\n" +
            "[12:00:01.021] OK\r\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[]
        {
            ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"***\",1", "OK", 50), ("AT+MQTTSTAT?", "OK", 21),
        }));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "split-line" }));
    }

    [Test]
    public void An_echo_a_read_cut_inside_a_number_is_the_modules_echo_not_the_command_sent_again()
    {
        // No marks: the echo's first piece repeats no command, so alone it would be taken for the host's.
        var analysis = TempLog.Analyze(
            "[12:00:00.100] AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"Pw9xQ2\",1\r\n" +
            "[12:00:00.102] AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",1\r\n" +
            "[12:00:00.104] 20,\"prod1\",\"Pw9xQ2\",1\r\n" +
            "[12:00:00.150] OK\r\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Line, e.Final, e.LatencyMs)), Is.EqualTo(new (long, string?, double?)[] { (1, "OK", 50) }));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "split-line" }), "no retry, no unreadable line");
    }

    [Test]
    public void A_data_point_publish_cut_inside_its_hex_is_read_whole()
    {
        // SSCOM-style reads of a long line: the host's $dp publish (manual §4.3's form, hex unquoted) in three reads.
        var analysis = TempLog.Analyze(
            "[12:00:06.000] AT+MQTTPUB=$dp,1,0,0,26,0300177B22\r\n" +
            "[12:00:06.004] 74657374223A2268656C\r\n" +
            "[12:00:06.009] 6C6F2C776F726C6421227D\r\n" +
            "[12:00:06.080] OK\r\n" +
            "[12:00:06.700] +MQTTPUBACK: 3,0\r\n");

        Assert.That(analysis.Exchanges.Single().Final, Is.EqualTo("OK"));
        // Notes only: the split, and the unquoted strings of §4.3's form; no length or hex finding.
        Assert.That(analysis.Diagnostics.Where(d => d.Severity != Conformance.Protocol.Codes.Severity.Note), Is.Empty);
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Does.Contain("split-line"));
        Assert.That(analysis.DataPoints.Single().Points.Select(p => p.ToString()), Has.Some.Contains("hello,world!"));
    }

    [TestCase("[12:00:00.100] AT+MQTTOP\r\n[12:00:00.102] EN=1,1,0,0,0,\"\",\"\"\r\n[12:00:00.200] OK\r\n[12:00:01.000] +MQTTOPEN: OK\r\n", TestName = "a stamped time of day")]
    [TestCase("2026-11-30 12:00:00.100 AT+MQTTOP\n2026-11-30 12:00:00.102 EN=1,1,0,0,0,\"\",\"\"\n2026-11-30 12:00:00.200 OK\n2026-11-30 12:00:01.000 +MQTTOPEN: OK\n", TestName = "a bare date and time")]
    [TestCase("[12:00:00.100] TX: AT+MQTTOP\r\n[12:00:00.102] TX: EN=1,1,0,0,0,\"\",\"\"\r\n[12:00:00.200] RX: OK\r\n[12:00:01.000] RX: +MQTTOPEN: OK\r\n", TestName = "a transcript with marks")]
    [TestCase("11/30/2026 12:00:00.100 [TX] - AT+MQTTOP\r\n11/30/2026 12:00:00.102 [TX] - EN=1,1,0,0,0,\"\",\"\"\r\n11/30/2026 12:00:00.200 [RX] - OK\r\n11/30/2026 12:00:01.000 [RX] - +MQTTOPEN: OK\r\n", TestName = "Docklight")]
    public void A_command_split_in_its_name_is_one_command(string log)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[] { ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK", 100) }));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "split-line" }));
    }

    [TestCase("[12:00:00.100] AT\r\n[12:00:00.101] +MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n[12:00:00.200] OK\r\n[12:00:01.000] +MQTTOPEN: OK\r\n", TestName = "cut right after AT")]
    public void A_command_cut_after_AT_is_one_command(string log) => A_command_split_in_its_name_is_one_command(log);

    [Test]
    public void A_packet_without_a_line_end_runs_on_where_the_log_shows_line_ends()
    {
        // Docklight set to show control characters: a read ending inside `+CSQ: 20,99` is no line end.
        var analysis = TempLog.Analyze(
            "11/30/2026 12:00:00.100 [TX] - AT+CSQ<CR><LF>\r\n" +
            "11/30/2026 12:00:00.140 [RX] - <CR><LF>+CSQ: 2\r\n" +
            "11/30/2026 12:00:00.141 [RX] - 0,99<CR><LF><CR><LF>OK<CR><LF>\r\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information))), Is.EqualTo(new[] { ("AT+CSQ", "OK", "+CSQ: 20,99") }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [TestCase("[12:00:05.000] +MQTTPUBLISH: 0,0,0,0,cmd/dev1,10,temp=2\r\n[12:00:05.004] 1.5C\r\n", "+MQTTPUBLISH: 0,0,0,0,cmd/dev1,10,temp=21.5C", TestName = "an unquoted message shorter than its msg_len")]
    [TestCase("[12:00:05.000] +MQTTPUBLISH: 0,0,0,0,cmd/dev1,7,led,\r\n[12:00:05.004] off\r\n", "+MQTTPUBLISH: 0,0,0,0,cmd/dev1,7,led,off", TestName = "a message cut after a comma")]
    [TestCase("[12:00:05.000] +MQTTPUBLISH: 0,0,0,0,cmd/dev1,6,led:\r\n[12:00:05.004] OK\r\n", "+MQTTPUBLISH: 0,0,0,0,cmd/dev1,6,led:OK", TestName = "a message filled exactly by a piece that looks like a result")]
    [TestCase("[12:00:05.000] +MQTTPUBLISH: 0,0,0,0,cmd/dev1,12,abcd\r\n[12:00:05.003] efgh\r\n[12:00:05.006] ijkl\r\n", "+MQTTPUBLISH: 0,0,0,0,cmd/dev1,12,abcdefghijkl", TestName = "a message in three pieces")]
    [TestCase("2026-11-30 12:00:05.000 +MQTTPUBLISH: 0,0,0,0,cmd/dev1,10,temp=2\n2026-11-30 12:00:05.004 1.5C\n", "+MQTTPUBLISH: 0,0,0,0,cmd/dev1,10,temp=21.5C", TestName = "a message split under a bare date and time")]
    [TestCase("[12:00:00.100] AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\r\n[12:00:00.103] \"prod\",\"Pw9xQ2\",1\r\n", "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod\",\"Pw9xQ2\",1", TestName = "a command cut after a comma")]
    [TestCase("[12:00:06.000] AT+MQTTPUB=$dp,2,1,0,26,0300177B2274657374223A2268\r\n[12:00:06.008] 656C6C6F2C776F726C6421227D\r\n", "AT+MQTTPUB=$dp,2,1,0,26,0300177B2274657374223A2268656C6C6F2C776F726C6421227D", TestName = "an unquoted hex message shorter than its message_len")]
    [TestCase("[12:00:06.000] AT+MQTTPUB=\"$dp\",1,0,0,26,\"0300177b22\r\n[12:00:06.004] 74657374223a2268656c\r\n[12:00:06.009] 6c6f2c776f726c6421227d\"\r\n", "AT+MQTTPUB=\"$dp\",1,0,0,26,\"0300177b2274657374223a2268656c6c6f2c776f726c6421227d\"", TestName = "a quoted hex message in three pieces")]
    [TestCase("2026-11-30 12:00:06.000 TX: AT+MQTTPUB=\"dev/u\",1,0,0,4,0A0B\n2026-11-30 12:00:06.002 TX: 0C0D\n", "AT+MQTTPUB=\"dev/u\",1,0,0,4,0A0B0C0D", TestName = "a hex message cut in a transcript")]
    [TestCase("[12:00:00.100] AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",1\r\n[12:00:00.103] 20,\"prod1\",\"Pw9xQ2\",1\r\n", "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"Pw9xQ2\",1", TestName = "a command cut inside a number")]
    [TestCase("[12:00:00.100] AT+MQTTCFG=broker.example.c\r\n[12:00:00.103] om,1883,dev1,120,prod1,Pw9xQ2,1\r\n", "AT+MQTTCFG=broker.example.com,1883,dev1,120,prod1,Pw9xQ2,1", TestName = "a command cut inside an unquoted word")]
    [TestCase("[12:00:00.100] AT+MQTTCFG=\"183.230.40.39\",6002\r\n[12:00:00.102] ,\"dev1\",120,\"prod1\",\"Pw9xQ2\",1\r\n", "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"Pw9xQ2\",1", TestName = "a command cut before a comma")]
    public void A_line_cut_before_its_shape_is_complete_is_one_line(string log, string line)
    {
        var (_, records) = TempLog.Read(log);

        Assert.That(Traffic.Lines(records).Select(l => l.Line), Is.EqualTo(new[] { line }));
        Assert.That(records.Single().Rejoined, Is.True);
    }

    [TestCase("[12:00:00.100] AT\r\n[12:00:00.102] +MQTTOPEN: OK\r\n[12:00:00.110] OK\r\n", TestName = "AT, then a URC whose name is a command's")]
    [TestCase("[12:00:00.100] AT+NUESTATS\r\n[12:00:00.102] Signal power:-800\r\n[12:00:00.110] OK\r\n", TestName = "a command the catalog does not know, then its answer")]
    [TestCase("[12:00:00.100] AT+CGSN\r\n[12:00:00.102] 863123456789012\r\n[12:00:00.110] OK\r\n", TestName = "a whole command, then a bare answer")]
    [TestCase("[12:00:00.100] AT+MQTTOP\r\n[12:00:00.900] EN=1,1,0,0,0,\"\",\"\"\r\n[12:00:01.000] OK\r\n", TestName = "pieces further apart than a few reads")]
    [TestCase("[12:00:00.100] AT+MQTTOP\r\n[12:00:00.102] ERROR\r\n", TestName = "a piece that starts a line of its own")]
    [TestCase("[12:00:05.000] +MQTTPUBLISH: 0,0,0,0,cmd/d,9,hi\r\n[12:00:05.004] OK\r\n", TestName = "a publish shorter than its msg_len, then a final result")]
    [TestCase("[12:00:05.000] +MQTTPUBLISH: 0,0,0,0,cmd/d,9,line1\r\n[12:00:05.004] ab\r\n", TestName = "a message whose own line end fills its msg_len")]
    [TestCase("[12:00:05.000] +MQTTPUBLISH: 0,0,0,0,cmd/d,3,abc\r\n[12:00:05.004] def\r\n", TestName = "a whole publish, then a bare line")]
    [TestCase("[12:00:00.100] AT+MQTTSUB=\"t\",\r\n[12:00:00.102] OK\r\n", TestName = "a command ending in a comma, then a final result")]
    [TestCase("AT+MQTTOP\r\nEN=1,1,0,0,0,\"\",\"\"\r\nOK\r\n", TestName = "no stamps: nothing says the pieces came together")]
    [TestCase("[12:00:06.000] AT+MQTTPUB=$dp,2,1,0,3,03001B\r\n[12:00:06.004] AT+MQTTPUB=$dp,2,1,0,2,0A0B\r\n", TestName = "a whole hex publish, then another")]
    [TestCase("[12:00:06.000] AT+MQTTPUB=t,1,0,0,4,0A0B\r\n[12:00:06.004] OK\r\n", TestName = "a hex publish short of its message_len, then a final result")]
    [TestCase("[12:00:06.000] AT+MQTTPUB=t,1,0,0,2,0A\r\n[12:00:06.004] 0B0C0D\r\n", TestName = "a piece that would make the message longer than its message_len")]
    [TestCase("[12:00:06.000] AT+MQTTPUB=t,1,0,0,0,0A\r\n[12:00:06.004] 0B\r\n", TestName = "a text message (message_len 0) is never short")]
    [TestCase("[12:00:00.100] AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",1\r\n[12:00:00.102] 20\r\n", TestName = "a command short of its arguments, then a piece that does not make it whole")]
    [TestCase("[12:00:00.100] AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120\r\n[12:00:00.102] +CME ERROR: 50\r\n", TestName = "a command short of its arguments, then its error")]
    [TestCase("[12:00:00.100] AT+MQTTSTAT?\r\n[12:00:00.102] 5\r\n", TestName = "a whole command, then a bare number")]
    [TestCase("[12:00:00.100] AT+MQTTCFG=\"h\",6002,\"dev1\",120,\"p\",\"w\",1\r\n[12:00:00.102] 0\r\n", TestName = "a whole command, then a digit that would still make one")]
    public void Real_lines_are_not_joined(string log)
    {
        var (_, records) = TempLog.Read(log);

        Assert.That(Traffic.Lines(records), Has.Count.EqualTo(log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.That(records.Any(r => r.Rejoined), Is.False);
    }

    [TestCase("""
        > [2026-11-30 14:00:05.000] AT+MQTTSUB="$creq/#",1
        > [2026-11-30 14:00:05.030] OK
        > [2026-11-30 14:00:05.400] +MQTTSUBACK: 1,1,"$creq/#"
        > [2026-11-30 14:00:09.455] +MQTTPUBLISH: 0,1,0,7,$creq/a1f0/a-very-long-topic-na
        > me,6,relay1
        > [2026-11-30 14:00:30.000] AT+MQTTSTAT?
        > [2026-11-30 14:00:30.031] +MQTTSTAT: 5
        > [2026-11-30 14:00:30.032] OK
        """, TestName = "a mail's quote wrapped at 76 columns, the rest without a stamp")]
    [TestCase("""
        [14:00:05.000] AT+MQTTSUB="$creq/#",1
        [14:00:05.030] OK
        [14:00:05.400] +MQTTSUBACK: 1,1,"$creq/#"
        [14:00:09.455] +MQTTPUBLISH: 0,1,0,7,$creq/a1f0/a-very-long-topic-na
        [14:00:09.458] me,6,relay1
        [14:00:30.000] AT+MQTTSTAT?
        [14:00:30.031] +MQTTSTAT: 5
        [14:00:30.032] OK
        """, TestName = "a terminal's two reads")]
    public void A_publish_cut_before_its_message_is_one_urc(string log)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Urcs.Select(u => u.Name), Is.EqualTo(new[] { "+MQTTSUBACK", "+MQTTPUBLISH" }));
        Assert.That(analysis.Urcs[1].Text, Does.Contain("a-very-long-topic-name"));
        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Conformance.Protocol.Codes.Severity.Note), Is.Empty, "no unreadable line");
        Assert.That(analysis.Exchanges.Select(e => e.Final), Is.EqualTo(new[] { "OK", "OK" }));
    }
}
