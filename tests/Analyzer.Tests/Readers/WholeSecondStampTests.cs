namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Logs whose clock writes no fraction of a second (a terminal set to <c>hh:mm:ss</c>, a German locale's date and time,
/// syslog): an answer within the second and one nearly two seconds later read alike, so no latency is made up.
/// </summary>
public class WholeSecondStampTests
{
    [TestCase("""
        [14:00:00] AT+CSQ
        [14:00:00] +CSQ: 20,99
        [14:00:00] OK
        [14:00:02] AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Wh0leSecPw",1
        [14:00:02] OK
        [14:00:03] AT+MQTTOPEN=1,1,0,0,0,"",""
        [14:00:04] OK
        [14:00:05] +MQTTOPEN: OK
        [14:00:06] AT+MQTTPUB=$dp,1,0,0,10,0300077b2261223a317d
        [14:00:06] OK
        [14:00:07] +MQTTPUBACK: 2,1
        """, TestName = "a terminal's time of day without milliseconds")]
    [TestCase("""
        30.11.2026 14:00:00 > AT+CSQ
        30.11.2026 14:00:00 < +CSQ: 20,99
        30.11.2026 14:00:00 < OK
        30.11.2026 14:00:02 > AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Wh0leSecPw",1
        30.11.2026 14:00:02 < OK
        30.11.2026 14:00:03 > AT+MQTTOPEN=1,1,0,0,0,"",""
        30.11.2026 14:00:04 < OK
        30.11.2026 14:00:05 < +MQTTOPEN: OK
        30.11.2026 14:00:06 > AT+MQTTPUB=$dp,1,0,0,10,0300077b2261223a317d
        30.11.2026 14:00:06 < OK
        30.11.2026 14:00:07 < +MQTTPUBACK: 2,1
        """, TestName = "a German date and time on each line, marked")]
    [TestCase("""
        Nov 30 14:00:00 AT+CSQ
        Nov 30 14:00:00 +CSQ: 20,99
        Nov 30 14:00:00 OK
        Nov 30 14:00:02 AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Wh0leSecPw",1
        Nov 30 14:00:02 OK
        Nov 30 14:00:03 AT+MQTTOPEN=1,1,0,0,0,"",""
        Nov 30 14:00:04 OK
        Nov 30 14:00:05 +MQTTOPEN: OK
        Nov 30 14:00:06 AT+MQTTPUB=$dp,1,0,0,10,0300077b2261223a317d
        Nov 30 14:00:06 OK
        Nov 30 14:00:07 +MQTTPUBACK: 2,1
        """, TestName = "moreutils' ts: a month and day before the time, unmarked")]
    public void Whole_seconds_time_no_answer_and_say_so_once(string log)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Final, e.LatencyMs)), Is.EqualTo(new (string?, double?)[]
        {
            ("OK", null), ("OK", null), ("OK", null), ("OK", null),
        }), "no exchange is 0 ms or 1000 ms when the clock cannot tell");
        Assert.That(analysis.Urcs.Select(u => (u.Name, u.CommandLine)), Is.EqualTo(new (string, long?)[] { ("+MQTTOPEN", 6), ("+MQTTPUBACK", 9) }));
        Assert.That(analysis.Diagnostics.Where(d => d.Code != "format-deviation").Select(d => (d.Line, d.Code)),
            Is.EqualTo(new[] { (1L, "whole-second-stamps") }));
        Assert.That(analysis.Diagnostics[0].Message, Does.Contain("line 3"));
        Assert.That(analysis.Statistics.Commands.Select(c => c.MedianMs), Is.All.Null, "no median made of zeros");
        Assert.That(Conformance.Analyzer.Reports.JsonReport.Write(analysis), Does.Not.Contain("Wh0leSecPw"));
    }

    [Test]
    public void A_clock_of_milliseconds_still_times_an_answer_that_falls_on_a_whole_second()
    {
        // One stamp of a millisecond clock is on a whole second once in a thousand lines: the other end still times it.
        var analysis = TempLog.Analyze("""
            [14:00:00.000] AT+CSQ
            [14:00:00.061] +CSQ: 20,99
            [14:00:00.062] OK
            [14:00:01.960] AT+CEREG?
            [14:00:02.000] OK
            """);

        Assert.That(analysis.Exchanges.Select(e => e.LatencyMs), Is.EqualTo(new double?[] { 62, 40 }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [Test]
    public void Once_the_clock_has_shown_milliseconds_a_fast_answer_on_a_whole_second_is_timed()
    {
        // A fast module answers within its command's millisecond: on a whole second once in a thousand exchanges.
        var analysis = TempLog.Analyze("""
            [14:00:00.412] AT
            [14:00:00.413] OK
            [14:00:01.000] AT+CSQ
            [14:00:01.000] +CSQ: 20,99
            [14:00:01.000] OK
            [14:00:03.000] AT+CEREG?
            [14:00:04.000] OK
            """);

        Assert.That(analysis.Exchanges.Select(e => e.LatencyMs), Is.EqualTo(new double?[] { 1, 0, 1000 }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_trace_of_a_virtual_clock_on_whole_seconds_is_timed()
    {
        // The tool's own trace writes microseconds: a virtual clock that sits on a whole second still tells 0 ms.
        var analysis = TempLog.Analyze("""
            # conformance-trace 1
            # target: emulator
            # clock: virtual
            2026-11-25T22:40:41.000000Z > AT+MQTTSTAT?\r\n
            2026-11-25T22:40:41.000000Z < \r\n+MQTTSTAT: 1\r\n\r\nOK\r\n
            2026-11-25T22:40:42.000000Z > AT+CSQ\r\n
            2026-11-25T22:40:43.000000Z < \r\n+CSQ: 20,99\r\n\r\nOK\r\n
            """);

        Assert.That(analysis.Exchanges.Select(e => e.LatencyMs), Is.EqualTo(new double?[] { 0, 1000 }));
        Assert.That(analysis.Diagnostics.Where(d => d.Code == "whole-second-stamps"), Is.Empty);
    }
}
