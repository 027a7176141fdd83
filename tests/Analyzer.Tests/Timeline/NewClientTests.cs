using Conformance.Analyzer.Tests.Readers;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>
/// Two sessions in one file (two devices' logs pasted together, or the client made anew): an ACK of the second session
/// answers the second session's command, and what the first one still waited for is reported where the client ended.
/// </summary>
public class NewClientTests
{
    [Test]
    public void An_ack_after_the_client_is_made_anew_answers_the_new_sessions_publish()
    {
        var analysis = TempLog.Analyze("""
            [2024-07-01 10:00:00.000] AT+MQTTCFG="183.230.40.39",6002,"111",120,"222","devApass",1
            [2024-07-01 10:00:00.050] OK
            [2024-07-01 10:00:01.000] AT+MQTTOPEN=1,1,0,0,0,"",""
            [2024-07-01 10:00:01.050] OK
            [2024-07-01 10:00:02.000] +MQTTOPEN: OK
            [2024-07-01 10:00:03.000] AT+MQTTPUB="dev/a",1,0,0,2,"6869"
            [2024-07-01 10:00:03.050] OK

            --- second device ---
            [2024-07-01 11:30:00.000] AT+MQTTDEL
            [2024-07-01 11:30:00.040] OK
            [2024-07-01 11:30:01.000] AT+MQTTCFG="183.230.40.39",6002,"333",120,"222","devBpass",1
            [2024-07-01 11:30:01.050] OK
            [2024-07-01 11:30:02.000] AT+MQTTOPEN=1,1,0,0,0,"",""
            [2024-07-01 11:30:02.050] OK
            [2024-07-01 11:30:03.000] +MQTTOPEN: OK
            [2024-07-01 11:30:04.000] AT+MQTTPUB="dev/b",1,0,0,2,"796F"
            [2024-07-01 11:30:04.050] OK
            [2024-07-01 11:30:04.400] +MQTTPUBACK: 1,0
            """);

        Assert.That(analysis.Urcs.Single(u => u.Name == "+MQTTPUBACK").CommandLine, Is.EqualTo(17));
        var missing = analysis.Diagnostics.Where(d => d.Code == "urc-missing").ToList();
        Assert.That(missing.Select(d => d.Line), Is.EqualTo(new[] { 6L }), "the first device's publish got no ACK");
        Assert.That(missing[0].Message, Does.EndWith("before AT+MQTTDEL at line 10 made the MQTT client anew"));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Does.Not.Contain("unexpected-urc"));
    }
}
