using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Reports;
using Conformance.Analyzer.Tests.Readers;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

/// <summary>
/// Logs whose stamps carry a UTC offset that changes mid-file (a gateway's clock switched from local time to UTC, a log
/// written across the end of daylight saving time), written by hand in the ways customers' tools write them: the times
/// are compared as instants, so no false <c>time-went-back</c> and no latency lost across the switch.
/// </summary>
public class ZoneChangeTests
{
    private static void NoJumpAndLatencies(string log, LogFormat format, params double?[] latencies)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(TempLog.Read(log).Source.Format, Is.EqualTo(format));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Has.None.EqualTo("time-went-back"));
        Assert.That(analysis.Exchanges.Select(e => e.LatencyMs), Is.EqualTo(latencies));
    }

    [Test]
    public void A_script_logger_whose_stamps_switch_from_plus_eight_to_utc()
    {
        NoJumpAndLatencies("""
            2026-11-30T14:00:00.100+08:00 AT+CSQ
            2026-11-30T14:00:00.180+08:00 +CSQ: 18,99
            2026-11-30T14:00:00.200+08:00 OK
            2026-11-30T06:00:01.200Z AT+CGATT?
            2026-11-30T06:00:01.260Z +CGATT: 1
            2026-11-30T06:00:01.270Z OK
            """, LogFormat.Timestamped, 100, 70);
    }

    [Test]
    public void The_answer_after_the_switch_is_timed_from_the_command_before_it()
    {
        // The command stamped in local time, its answer already in UTC: 150 ms, not minus eight hours.
        NoJumpAndLatencies("""
            [2026-11-30 14:00:00.100+0800] AT+CGATT?
            [2026-11-30 06:00:00.200+0000] +CGATT: 1
            [2026-11-30 06:00:00.250+0000] OK
            """, LogFormat.Timestamped, 150);
    }

    [Test]
    public void Structured_json_lines_whose_time_field_changes_zone()
    {
        NoJumpAndLatencies("""
            {"ts":"2026-11-30T14:00:00.100+08:00","level":"debug","msg":"TX: AT+CSQ"}
            {"ts":"2026-11-30T14:00:00.190+08:00","level":"debug","msg":"RX: +CSQ: 18,99"}
            {"ts":"2026-11-30T06:00:00.210Z","level":"debug","msg":"RX: OK"}
            {"ts":"2026-11-30T06:00:05.000Z","level":"debug","msg":"TX: AT"}
            {"ts":"2026-11-30T06:00:05.020Z","level":"debug","msg":"RX: OK"}
            """, LogFormat.JsonLines, 110, 20);
    }

    [Test]
    public void A_logger_that_names_the_zone_after_utc_or_gmt()
    {
        NoJumpAndLatencies("""
            2026-11-30 14:00:00.100 UTC+8 [AT] send: AT+CSQ
            2026-11-30 14:00:00.160 UTC+8 [AT] recv: +CSQ: 18,99
            2026-11-30 14:00:00.170 UTC+8 [AT] recv: OK
            2026-11-30 06:00:02.000 GMT [AT] send: AT+CGATT?
            2026-11-30 06:00:02.050 GMT [AT] recv: +CGATT: 1
            2026-11-30 06:00:02.060 GMT [AT] recv: OK
            """, LogFormat.Logger, 70, 60);
    }

    [Test]
    public void A_serial_tools_csv_export_whose_time_column_changes_zone()
    {
        NoJumpAndLatencies("""
            time,direction,data
            2026-11-30 14:00:00.100+08:00,TX,AT+CSQ
            2026-11-30 14:00:00.140+08:00,RX,+CSQ: 18,99
            2026-11-30 06:00:00.150+00:00,RX,OK
            """, LogFormat.CsvExport, 50);
    }

    [Test]
    public void Syslog_rfc_5424_whose_host_was_switched_to_utc()
    {
        NoJumpAndLatencies("""
            <30>1 2026-11-30T14:00:00.100+08:00 gw modem 311 - - AT+CSQ
            <30>1 2026-11-30T14:00:00.150+08:00 gw modem 311 - - +CSQ: 18,99
            <30>1 2026-11-30T14:00:00.160+08:00 gw modem 311 - - OK
            <30>1 2026-11-30T06:00:01.000Z gw modem 311 - - AT
            <30>1 2026-11-30T06:00:01.030Z gw modem 311 - - OK
            """, LogFormat.Logger, 60, 30);
    }

    [Test]
    public void A_journal_whose_host_was_switched_to_utc()
    {
        NoJumpAndLatencies("""
            2026-11-30T14:00:00.100000+0800 gw modem[311]: AT+CSQ
            2026-11-30T14:00:00.150000+0800 gw modem[311]: +CSQ: 18,99
            2026-11-30T14:00:00.160000+0800 gw modem[311]: OK
            2026-11-30T06:00:03.000000+0000 gw modem[311]: AT
            2026-11-30T06:00:03.030000+0000 gw modem[311]: OK
            """, LogFormat.Journal, 60, 30);
        NoJumpAndLatencies("""
            <30>2026-11-30T14:00:00.100+08:00 gw modem[311]: AT+CSQ
            <30>2026-11-30T14:00:00.150+08:00 gw modem[311]: +CSQ: 18,99
            <30>2026-11-30T06:00:00.170Z gw modem[311]: OK
            """, LogFormat.Journal, 70);
    }

    [Test]
    public void Tio_iso_stamps_with_their_zone()
    {
        NoJumpAndLatencies("""
            [2026-11-30T14:00:00.100+08:00] AT+CSQ
            [2026-11-30T14:00:00.150+08:00] +CSQ: 18,99
            [2026-11-30T06:00:00.170Z] OK
            """, LogFormat.Tio, 70);
    }

    [Test]
    public void A_marked_transcript_with_zoned_stamps()
    {
        NoJumpAndLatencies("""
            2026-11-30T14:00:00.100+08:00 TX: AT+CSQ
            2026-11-30T14:00:00.150+08:00 RX: +CSQ: 18,99
            2026-11-30T06:00:00.180Z RX: OK
            """, LogFormat.Transcript, 80);
    }

    /// <summary>Europe's clocks go back an hour at 03:00 CEST on the last Sunday of October: 02:59:59.950+02:00 is followed by 02:00:00.050+01:00.</summary>
    [Test]
    public void A_log_written_across_the_end_of_daylight_saving_time()
    {
        NoJumpAndLatencies("""
            2026-10-25T02:59:59.950+02:00 AT+CSQ
            2026-10-25T02:00:00.030+01:00 +CSQ: 18,99
            2026-10-25T02:00:00.050+01:00 OK
            """, LogFormat.Timestamped, 100);
    }

    [Test]
    public void A_clock_set_back_within_one_zone_is_still_reported()
    {
        var analysis = TempLog.Analyze("""
            2026-11-30T14:00:05.000+08:00 AT+CSQ
            2026-11-30T14:00:04.900+08:00 +CSQ: 18,99
            2026-11-30T14:00:04.950+08:00 OK
            """);

        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (2L, "time-went-back") }));
        Assert.That(analysis.Diagnostics[0].Message, Does.StartWith("the time goes back 100 ms here"));
        Assert.That(analysis.Exchanges.Single().LatencyMs, Is.Null);
    }

    [Test]
    public void A_clock_set_back_while_its_zone_changes_is_reported_by_the_real_step()
    {
        // 14:00:05+08:00 is 06:00:05Z: the next stamp is a second earlier, whatever its zone.
        var analysis = TempLog.Analyze("2026-11-30T14:00:05.000+08:00 AT+CSQ\n2026-11-30T06:00:04.000Z OK\n");

        Assert.That(analysis.Diagnostics.Single().Message, Does.StartWith("the time goes back 1 s here (line 1 is later)"));
    }

    [Test]
    public void Stamps_without_a_zone_before_the_first_zoned_one_are_read_in_its_zone()
    {
        // A device that printed local time before it learned its zone, then wrote the zone.
        NoJumpAndLatencies("""
            2026-11-30 14:00:00.100 AT+CSQ
            2026-11-30 14:00:00.200 OK
            2026-11-30T14:00:01.000+08:00 AT
            2026-11-30T06:00:01.050Z OK
            2026-11-30 06:00:02.000 AT+CGATT?
            2026-11-30 06:00:02.040 OK
            """, LogFormat.Timestamped, 100, 50, 40);
    }

    [Test]
    public void Time_connected_is_measured_across_a_zone_switch()
    {
        var analysis = TempLog.Analyze("""
            2026-11-30T14:00:00.000+08:00 AT+MQTTOPEN=1,1,0,0,0,"",""
            2026-11-30T14:00:00.050+08:00 OK
            2026-11-30T14:00:01.000+08:00 +MQTTOPEN: OK
            2026-11-30T06:00:11.000Z AT+CSQ
            2026-11-30T06:00:11.040Z +CSQ: 20,99
            2026-11-30T06:00:11.041Z OK
            """);

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Has.None.EqualTo("time-went-back"));
        Assert.That(analysis.Statistics.UptimeMs, Is.EqualTo(10_041));
    }

    [Test]
    public void Reports_show_each_time_as_the_log_wrote_it()
    {
        var analysis = TempLog.Analyze("2026-11-30T14:00:00.100+08:00 AT+CSQ\n2026-11-30T14:00:00.150+08:00 OK\n2026-11-30T06:00:01.200Z AT\n2026-11-30T06:00:01.220Z OK\n");

        Assert.That(analysis.Exchanges.Select(e => WallClock.Of(e.Time!.Value)), Is.EqualTo(new[] { "2026-11-30T14:00:00.1", "2026-11-30T06:00:01.2" }));
    }
}
