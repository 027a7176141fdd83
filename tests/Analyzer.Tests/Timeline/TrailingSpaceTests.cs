using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>A firmware that pads its result codes (`OK `, `OK\t`): each still ends its command, and the padding is noted once.</summary>
public class TrailingSpaceTests
{
    [Test]
    public void Padded_final_results_end_their_commands()
    {
        var text = "AT+MQTTPUB=\"a/b\",1,0,0,0,\"x\"\r\n\r\nOK \r\n\r\n+MQTTPUBACK: 9,1\r\nAT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\t\r\n";
        var analysis = TempLog.Analyze(text, LogFormat.Raw);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final?.TrimEnd())), Is.EqualTo(new[] { ("AT+MQTTPUB=\"a/b\",1,0,0,0,\"x\"", "OK"), ("AT+CSQ", "OK") }));
        Assert.That(analysis.Diagnostics.Select(d => d.Message), Is.EqualTo(new[]
        {
            "trailing-space: spaces after 'OK'; the manual's line ends at its last character; reported once",
        }));
    }

    [Test]
    public void A_padded_word_URC_is_read_and_the_session_goes_on()
    {
        // A stamped terminal log whose lines the tool padded: `+MQTTOPEN: OK   ` is still the CONNACK.
        var text = "[10:11:00.000] AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n[10:11:00.300] OK\n[10:11:00.900] +MQTTOPEN: OK   \n" +
                   "[10:11:01.000] AT+MQTTSUB=\"$creq/#\",1\n[10:11:01.040] OK\n[10:11:01.600] +MQTTSUBACK: 1,1,\"$creq/#\"\n" +
                   "[10:11:02.000] AT+MQTTPING=1\n[10:11:02.040] OK\n[10:11:50.000] +MQTTPINGRSP: OK\t\n";
        var analysis = TempLog.Analyze(text, LogFormat.Tio);

        Assert.That(analysis.Urcs.Select(u => (u.Name, u.CommandLine)), Does.Contain(("+MQTTOPEN", (long?)1)));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "format-deviation" }));
        Assert.That(analysis.Diagnostics.Single().Message, Does.StartWith("trailing-space (manual §1.2): spaces after '+MQTTOPEN: OK'"));
    }
}
