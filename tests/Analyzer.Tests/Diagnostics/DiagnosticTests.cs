using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Tests.Diagnostics;

/// <summary>Each diagnostic, raised by the smallest log that shows it, at the line it is about.</summary>
public class DiagnosticTests
{
    private const string Open = "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"";

    private static Log Connected() => new Log().Exchange(Sessions.Config, "\r\nOK\r\n").Exchange(Open, "\r\nOK\r\n+MQTTOPEN: OK\r\n");

    // (name, log, code, line of the record the diagnostic is about, words its message must hold)
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("next command first", new Log().Send("AT+CSQ").Exchange("AT", "\r\nOK\r\n"), "no-final-result", 1, "AT+CSQ");
        yield return Case("log ended", new Log().Exchange("AT", "\r\nOK\r\n").Send("AT+CSQ"), "no-final-result", 4, "log ended");
        yield return Case("final without command", new Log().Receive("\r\nOK\r\n"), "final-without-command", 1, "OK");
        yield return Case("cme error explained", new Log().Exchange("AT+MQTTDISC", "\r\n+CME ERROR: 3\r\n"), "cme-error", 2, "operation not allowed");
        yield return Case("cme 652", Connected().Exchange("AT+MQTTPUB=\"t\",0,0,0,0,\"x\"", "\r\n+CME ERROR: 652\r\n"), "cme-error", 9, "uplink busy");
        yield return Case("plain error", new Log().Exchange("AT+FOO", "\r\nERROR\r\n"), "command-error", 2, "AT+FOO");
        yield return Case("open without +MQTTOPEN", new Log().Exchange(Sessions.Config, "\r\nOK\r\n").Exchange(Open, "\r\nOK\r\n"), "urc-missing", 4, "+MQTTOPEN never came");
        yield return Case("sub without suback", Connected().Exchange("AT+MQTTSUB=\"t\",1", "\r\nOK\r\n"), "urc-missing", 8, "+MQTTSUBACK");
        yield return Case("qos1 without puback", Connected().Exchange("AT+MQTTPUB=\"t\",1,0,0,0,\"x\"", "\r\nOK\r\n"), "urc-missing", 8, "+MQTTPUBACK");
        yield return Case("pubrec without pubcomp", Connected().Exchange("AT+MQTTPUB=\"t\",2,0,0,0,\"x\"", "\r\nOK\r\n+MQTTPUBREC: 0,7\r\n"), "handshake-open", 9, "+MQTTPUBCOMP never came");
        yield return Case("publish without pubrel", Connected().Receive("\r\n+MQTTPUBLISH: 0,2,0,4,\"t\",2,hi\r\n"), "handshake-open", 8, "+MQTTPUBREL never came");
        yield return Case("ack nobody waited for", Connected().Receive("\r\n+MQTTPUBACK: 3,1\r\n"), "unexpected-urc", 8, "+MQTTPUBACK: 3,1");
        yield return Case("pubcomp of another packet", Connected().Exchange("AT+MQTTPUB=\"t\",2,0,0,0,\"x\"", "\r\nOK\r\n+MQTTPUBREC: 0,7\r\n+MQTTPUBCOMP: 0,8\r\n"), "unexpected-urc", 9, "packet 8");
        yield return Case("publish ack timeout", Connected().Exchange("AT+MQTTPUB=\"t\",1,0,0,0,\"x\"", "\r\nOK\r\n").Receive("\r\n+MQTTTO: 2\r\n"), "ack-timeout", 11, "line 8");
        yield return Case("subscription refused", Connected().Exchange("AT+MQTTSUB=\"t\",1", "\r\nOK\r\n+MQTTSUBACK: 4,128,t\r\n"), "subscribe-refused", 9, "refused");
        yield return Case("open failed", new Log().Exchange(Sessions.Config, "\r\nOK\r\n").Exchange(Open, "\r\nOK\r\n+MQTTOPEN: FAIL\r\n"), "open-failed", 5, "line 4");
        yield return Case("pub before open", new Log().Exchange(Sessions.Config, "\r\nOK\r\n").Exchange("AT+MQTTPUB=\"t\",0,0,0,0,\"x\"", "\r\nOK\r\n"), "out-of-order", 4, "AT+MQTTPUB in state 1");
        yield return Case("open before cfg", new Log().Exchange("AT+MQTTDEL", "\r\nOK\r\n").Exchange(Open, "\r\nOK\r\n"), "out-of-order", 4, "before AT+MQTTCFG");
        yield return Case("cfg twice", new Log().Exchange(Sessions.Config, "\r\nOK\r\n").Exchange(Sessions.Config, "\r\n+CME ERROR: 651\r\n"), "cfg-without-del", 4, "without AT+MQTTDEL");
        yield return Case("keepalive below timeout", new Log().Exchange("AT+MQTTTO=90", "\r\nOK\r\n").Exchange(Sessions.Config, "\r\nOK\r\n"), "keepalive-below-timeout", 4, "keepAlive 60 s is smaller than the AT+MQTTTO timeout of 90 s");
        yield return Case("module gave up", Connected().Receive("\r\n+MQTTREC: 0\r\n").Receive("\r\n+MQTTDISC: OK\r\n"), "connection-lost", 10, "gave up");
        yield return Case("drop without episode", Connected().Receive("\r\n+MQTTDISC: OK\r\n"), "connection-lost", 8, "without AT+MQTTDISC");
        yield return Case("reconnection storm", Storm(), "reconnection-storm", 16, "3 reconnection episodes");
        yield return Case("subscription lost", Connected().Exchange("AT+MQTTSUB=\"t\",1", "\r\nOK\r\n+MQTTSUBACK: 4,1,t\r\n").Receive("\r\n+MQTTDISC: OK\r\n")
            .Exchange(Open, "\r\nOK\r\n+MQTTOPEN: OK\r\n").Exchange("AT+MQTTPUB=\"t\",0,0,0,0,\"x\"", "\r\nOK\r\n"), "subscription-lost", 15, "\"t\" (subscribed at line 9)");
        yield return Case("bad hex", new Log().Exchange("AT+MQTTPUB=$dp,0,0,0,2,03zz", "\r\nERROR\r\n"), "dp-bad-hex", 1, "'z' at character 3");
        yield return Case("message_len lies", new Log().Exchange("AT+MQTTPUB=$dp,0,0,0,5,0300017b", "\r\nERROR\r\n"), "message-len-mismatch", 1, "message_len is 5, but the hex message encodes 4 bytes");
        yield return Case("$dp length lies", new Log().Exchange("AT+MQTTPUB=$dp,0,0,0,4,0300057b", "\r\nOK\r\n"), "dp-malformed", 1, "declared 5 bytes");
        yield return Case("$dp invalid JSON", new Log().Exchange("AT+MQTTPUB=$dp,0,0,0,5,0300027b7b", "\r\nOK\r\n"), "dp-malformed", 1, "$dp payload");
        yield return Case("field dialect", Connected().Receive("\r\n+MQTTPINGRESP:OK\r\n"), "format-deviation", 8, "manual §");
        yield return Case("garbled echo", new Log(echo: true).Send("AT+CSQ").Receive("AT+CSX\r\r\n+CSQ: 1,99\r\nOK\r\n"), "echo-mismatch", 2, "'AT+CSX'");
        yield return Case("unreadable urc", new Log().Receive("\r\n+MQTTSUBACK: x,2\r\n"), "unreadable-line", 1, "at character");
        yield return Case("unreadable command", new Log().Exchange("AT+MQTTSUB=\"t\",7", "\r\nERROR\r\n"), "unreadable-line", 1, "qos");
        yield return Case("overlong line", new Log().Receive("\r\n" + new string('x', 70_000) + "\r\n"), "line-too-long", 1, "70000 bytes");
        yield return Case("power-up noise", new Log().Receive("\0\0\u0001\r\nOK\r\n"), "noise", 1, "0x00");
        yield return Case("cut off mid-line", new Log().Send("AT+CSQ").Receive("\r\n+CSQ: 2"), "truncated-input", 2, "+CSQ: 2");
        yield return Case("direction unknown", new Log().Add(LogDirection.Unknown, "RDY\r\n"), "unknown-direction", 1, "module output");
    }

    private static Log Storm()
    {
        var log = Connected();
        for (var i = 0; i < 3; i++) log.Wait(60_000).Receive("\r\n+MQTTREC: 0\r\n").Receive("\r\n+MQTTOPEN: OK\r\n");
        return log;
    }

    private static TestCaseData Case(string name, Log log, string code, long line, string words) =>
        new TestCaseData(log, code, line, words).SetName($"{code}: {name}");

    [TestCaseSource(nameof(Cases))]
    public void Is_raised_at_the_line_it_is_about(Log log, string code, long line, string words)
    {
        var diagnostics = TimelineBuilder.Analyze(log.Records).Diagnostics;

        var found = diagnostics.Where(d => d.Code == code).ToList();
        Assert.That(found, Is.Not.Empty, $"no {code} among: {string.Join("; ", diagnostics)}");
        Assert.That(found.Select(d => d.Line), Does.Contain(line), string.Join("; ", found));
        Assert.That(found.First(d => d.Line == line).Message, Does.Contain(words));
        Assert.That(found.First().Severity, Is.EqualTo(DiagnosticCodes.All.Single(c => c.Code == code).Severity));
    }

    [Test]
    public void The_manual_session_shows_its_deliberate_error_and_its_own_inconsistent_example()
    {
        var diagnostics = TimelineBuilder.Analyze(Sessions.Chapter4().Records).Diagnostics;

        Assert.That(diagnostics.Select(d => d.Code).Distinct(),
            Is.EquivalentTo(new[] { "format-deviation", "cme-error", "unexpected-urc", "handshake-open" }));
        // §4.3's example answers one publish with +MQTTPUBREC:2,0 and +MQTTPUBCOMP:3,0: two different packet ids.
        Assert.That(diagnostics.Single(d => d.Code == "unexpected-urc").Message, Does.Contain("+MQTTPUBCOMP:3,0"));
        Assert.That(diagnostics.Single(d => d.Code == "handshake-open").Message, Does.Contain("packet 2"));
    }

    [Test]
    public void A_capture_of_the_modules_side_alone_has_no_URC_called_unexpected()
    {
        // The RX line only, echo off: the commands these URCs answer were sent, just not captured.
        var log = new Log().Receive("\r\nOK\r\n").Wait(900).Receive("\r\nOK\r\n").Wait(1400).Receive("\r\n+MQTTOPEN: OK\r\n")
            .Wait(800).Receive("\r\nOK\r\n").Wait(600).Receive("\r\n+MQTTSUBACK: 1,1,\"$creq/#\"\r\n").Wait(400).Receive("\r\n+MQTTPUBACK: 2,1\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Severity.Note), Is.Empty);
        Assert.That(analysis.Urcs.Select(u => u.Name), Is.EqualTo(new[] { "+MQTTOPEN", "+MQTTSUBACK", "+MQTTPUBACK" }));
    }
}
