namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Lines without a stamp of their own in a log that stamps its lines (a second capture pasted after a Tera Term log, the
/// terminal's stamps switched off after a reboot): they keep the last stamp's time for their order, but it says nothing
/// of when they came, so no latency is measured to or from them.
/// </summary>
public class UnstampedLineTests
{
    [Test]
    public void A_capture_without_stamps_after_a_stamped_one_times_no_answer()
    {
        var analysis = TempLog.Analyze("""
            [2026-11-30 14:00:00.100] AT+CSQ
            [2026-11-30 14:00:00.160] +CSQ: 20,99
            [2026-11-30 14:00:00.161] OK
            [2026-11-30 14:00:02.000] AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Unst4mpedPw",1
            [2026-11-30 14:00:02.050] OK
            [2026-11-30 14:00:03.010] AT+MQTTOPEN=1,1,0,0,0,"",""
            REBOOT_CAUSE_APPLICATION_WATCHDOG
            Neul
            OK
            AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Unst4mpedPw",1
            OK
            AT+MQTTOPEN=1,1,0,0,0,"",""
            OK
            +MQTTOPEN: OK
            """);

        Assert.That(analysis.Exchanges.Select(e => (e.Line, e.Final, e.LatencyMs)), Is.EqualTo(new (long, string?, double?)[]
        {
            (1, "OK", 61), (4, "OK", 50), (6, null, null), (10, "OK", null), (12, "OK", null),
        }), "the stamped lines are timed, the pasted ones not (before, each 0 ms)");
        Assert.That(analysis.Urcs[^1].CommandLine, Is.EqualTo(12));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Has.None.EqualTo("whole-second-stamps"));
        Assert.That(Conformance.Analyzer.Reports.JsonReport.Write(analysis), Does.Not.Contain("Unst4mpedPw"));
    }

    [Test]
    public void A_line_the_terminal_split_keeps_the_time_of_its_stamped_piece()
    {
        // A command wrapped in a mail: its stamped piece times it; the answer's own stamp ends it.
        var analysis = TempLog.Analyze("""
            [14:00:02.000] AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Unst4m
            pedPw",1
            [14:00:02.050] OK
            """);

        Assert.That(analysis.Exchanges.Select(e => (e.Final, e.LatencyMs)), Is.EqualTo(new (string?, double?)[] { ("OK", 50) }));
        Assert.That(Conformance.Analyzer.Reports.JsonReport.Write(analysis), Does.Not.Contain("Unst4m"));
    }
}
