using Conformance.Analyzer.Tests.Readers;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>
/// A host that sends a command again, word for word, before the module answered it: a driver's retry after its
/// timeout, or `AT` sent until a booting module wakes. Its first try is the host's own giving up, not a module that
/// never answers: said as a retry, with how long the host waited.
/// </summary>
public class RetriedCommandTests
{
    [Test]
    public void AT_sent_until_the_module_wakes_is_two_retries_and_one_answer()
    {
        // An MCU's driver log: AT every 500 ms until the module, still booting, answers.
        const string log = """
            [10:00:00.000] TX: AT
            [10:00:00.500] TX: AT
            [10:00:01.000] TX: AT
            [10:00:01.020] RX: OK
            [10:00:01.100] TX: ATE0
            [10:00:01.120] RX: OK
            """;

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Diagnostics.Select(d => $"{d.Line} {d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}"), Is.EqualTo(new[]
        {
            "1 warn command-retried: AT got no final result in the 500 ms the host waited: the host sent it again at line 2",
            "2 warn command-retried: AT got no final result in the 500 ms the host waited: the host sent it again at line 3",
        }));
        Assert.That(analysis.Exchanges.Select(e => (e.Line, e.LatencyMs)), Is.EqualTo(new (long, double?)[] { (1, null), (2, null), (3, 20), (5, 20) }));
        Assert.That((analysis.Summary.Commands, analysis.Summary.Ok, analysis.Summary.Unanswered), Is.EqualTo((4L, 2L, 2L)), "the tries the host gave up stay unanswered");
    }

    [Test]
    public void A_publish_sent_again_after_the_drivers_timeout_is_a_retry_and_another_command_is_not()
    {
        const string log = """
            2026-11-30 10:00:00.000 >> AT+MQTTPUB="dev/u",1,0,0,0,"t=21"
            2026-11-30 10:00:04.000 >> AT+MQTTPUB="dev/u",1,0,0,0,"t=21"
            2026-11-30 10:00:05.100 << OK
            2026-11-30 10:00:05.400 << +MQTTPUBACK: 1,1
            2026-11-30 10:00:10.000 >> AT+CSQ
            2026-11-30 10:00:12.000 >> AT+MQTTSTAT?
            2026-11-30 10:00:12.040 << +MQTTSTAT: 5
            2026-11-30 10:00:12.050 << OK
            """;

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (1L, "command-retried"), (5L, "no-final-result") }));
        Assert.That(analysis.Diagnostics[0].Message, Does.Contain("in the 4000 ms the host waited: the host sent it again at line 2"));
        Assert.That(analysis.Diagnostics[1].Message, Does.EndWith("the next command was sent at line 6 first"), "AT+MQTTSTAT? is another command, not a retry");
    }

    [Test]
    public void In_a_log_without_directions_a_repeat_after_ATE0_is_a_retry_and_before_it_the_echo()
    {
        // A Tera Term log with stamps and no direction: the module echoes until ATE0 is answered OK.
        const string log = """
            [2026-11-30 10:00:00.000] AT+CGMR
            [2026-11-30 10:00:00.010] AT+CGMR
            [2026-11-30 10:00:00.040] M5310-A_V1.2
            [2026-11-30 10:00:00.050] OK
            [2026-11-30 10:00:01.000] ATE0
            [2026-11-30 10:00:01.010] ATE0
            [2026-11-30 10:00:01.020] OK
            [2026-11-30 10:00:02.000] AT+CSQ
            [2026-11-30 10:00:03.000] AT+CSQ
            [2026-11-30 10:00:03.050] +CSQ: 20,99
            [2026-11-30 10:00:03.051] OK
            """;

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Line, e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (long, string, string?, double?)[]
        {
            (1, "AT+CGMR", "OK", 50), (5, "ATE0", "OK", 20), (8, "AT+CSQ", null, null), (9, "AT+CSQ", "OK", 51),
        }));
        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (8L, "command-retried") }));
    }

    [Test]
    public void An_ATE0_the_module_refused_leaves_the_echo_on()
    {
        const string log = """
            [2026-11-30 10:00:01.000] ATE0
            [2026-11-30 10:00:01.010] ATE0
            [2026-11-30 10:00:01.020] ERROR
            [2026-11-30 10:00:02.000] AT+CSQ
            [2026-11-30 10:00:02.010] AT+CSQ
            [2026-11-30 10:00:02.050] +CSQ: 20,99
            [2026-11-30 10:00:02.051] OK
            """;

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Line, e.Final)), Is.EqualTo(new (long, string?)[] { (1, "ERROR"), (4, "OK") }));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Has.None.EqualTo("command-retried"));
    }

    [Test]
    public void A_repeat_after_the_answer_was_overdue_is_the_module_not_answering()
    {
        // An MCU polling the signal every minute; the module stayed silent for the first poll.
        const string log = """
            [2026-11-30 10:00:00.000] TX: AT+CSQ
            [2026-11-30 10:01:00.000] TX: AT+CSQ
            [2026-11-30 10:01:00.040] RX: +CSQ: 18,99
            [2026-11-30 10:01:00.050] RX: OK
            """;

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Diagnostics.Select(d => $"{d.Line} {d.Code}: {d.Message}"), Is.EqualTo(new[]
        {
            "1 no-final-result: AT+CSQ got no final result: none came within 5 s, and the host sent it again at line 2, 60000 ms after it",
        }));
    }

    [Test]
    public void A_retry_without_times_says_so_without_a_wait()
    {
        // Arrow-marked notes pasted into a ticket: no stamps.
        const string log = "--> AT+CGATT?\n--> AT+CGATT?\n<-- +CGATT: 1\n<-- OK\n";

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Diagnostics.Select(d => $"{d.Code}: {d.Message}"), Is.EqualTo(new[]
        {
            "command-retried: AT+CGATT? got no final result: the host sent it again at line 2",
        }));
    }

    [Test]
    public void A_retried_password_stays_masked()
    {
        const string log = """
            [10:00:00.000] >> AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Rtr9Secret",1
            [10:00:03.000] >> AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Rtr9Secret",1
            [10:00:03.050] << OK
            """;

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Diagnostics.Single().Message, Does.StartWith("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"***\",1 got no final result"));
        Assert.That(analysis.Diagnostics.Single().Message, Does.Not.Contain("Rtr9Secret"));
    }
}
