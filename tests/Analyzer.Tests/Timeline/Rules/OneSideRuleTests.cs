using Conformance.Analyzer.Tests.Readers;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

/// <summary>Logs of one side of the port, hand-written as MCUs print them: one finding says so, not one per command.</summary>
public class OneSideRuleTests
{
    private static string Commands(int count) => string.Concat(Enumerable.Range(0, count).Select(i =>
        $"00:00:{i % 60:00}.{i / 60:000} AT+MQTTPUB=\"$sys/p/d/dp/post/json\",1,0,0,2,\"{i % 256:X2}7D\"\r\n"));

    [Test]
    public void A_log_of_the_hosts_commands_alone_gets_one_finding_naming_the_side()
    {
        var analysis = TempLog.Analyze("AT\r\nAT+CGATT?\r\nAT+MQTTCFG=\"h\",6002,\"d\",120,\"p\",\"Zz81kq\",1\r\n" + Commands(300));

        Assert.That(analysis.Diagnostics.Select(d => (d.Code, d.Line)), Is.EqualTo(new[] { ("one-side-only", 1L) }));
        Assert.That(analysis.Diagnostics[0].Message, Does.StartWith("the log holds the host's side only: 303 commands sent and no line from the module"));
        Assert.That(analysis.Summary.Unanswered, Is.EqualTo(303));
        Assert.That(analysis.Statistics.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "one-side-only" }));
    }

    [Test]
    public void A_host_repeating_one_command_is_not_taken_for_a_module_echoing_it()
    {
        // An MCU polling the signal every minute: each second line repeats the first, as an echo would.
        var analysis = TempLog.Analyze(string.Concat(Enumerable.Range(0, 20).Select(i => $"[10:{i:00}:00.000] AT+CSQ\r\n")));

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "one-side-only" }));
        Assert.That(analysis.Summary.Commands, Is.EqualTo(20));
    }

    [Test]
    public void An_echo_right_after_its_command_is_still_the_modules()
    {
        var analysis = TempLog.Analyze("[10:00:00.000] AT+CSQ\r\n[10:00:00.005] AT+CSQ\r\n[10:00:00.050] +CSQ: 20,99\r\n[10:00:00.060] OK\r\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[] { ("AT+CSQ", "OK") }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [Test]
    public void Once_the_module_speaks_the_commands_it_left_unanswered_are_findings_again()
    {
        var analysis = TempLog.Analyze("AT+CSQ\r\nAT+CGATT?\r\nAT+CEREG?\r\n+CEREG: 0,1\r\nOK\r\n");

        Assert.That(analysis.Diagnostics.Select(d => (d.Code, d.Line)), Is.EquivalentTo(new[] { ("no-final-result", 1L), ("no-final-result", 2L) }));
    }

    [Test]
    public void A_log_of_the_modules_urcs_alone_is_read_as_it_is()
    {
        var analysis = TempLog.Analyze("+MQTTPUBLISH: 0,0,0,0,\"t\",4,6869\r\n+MQTTPINGRSP: OK\r\n");

        Assert.That(analysis.Summary.Urcs, Is.EqualTo(2));
        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Conformance.Protocol.Codes.Severity.Note), Is.Empty);
    }
}
