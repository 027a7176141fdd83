using Conformance.Analyzer.Timeline;
using Conformance.Analyzer.Timeline.Rules;
using Conformance.Protocol.Responses;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

public class AckTimeoutRuleTests
{
    [Test]
    public void A_timeout_names_the_ack_type_and_the_command_it_ends()
    {
        var log = Log();
        var rule = new AckTimeoutRule(log, new Radio());

        rule.TimedOut((MqttTimeout)Urc("+MQTTTO: 3"), "+MQTTTO: 3", new Awaited(4, "+MQTTSUBACK", "AT+MQTTSUB=\"t\",1"), At);
        rule.TimedOut((MqttTimeout)Urc("+MQTTTO: 3"), "+MQTTTO: 3", null, At);

        Assert.That(log.Codes(), Is.All.EqualTo("ack-timeout"));
        Assert.That(log.Messages(), Is.EqualTo(new[]
        {
            "+MQTTTO: 3: no subscribe ACK from the server in time for AT+MQTTSUB=\"t\",1 (line 4) (manual §1.9)",
            "+MQTTTO: 3: no subscribe ACK from the server in time (manual §1.9)",
        }));
    }
}

/// <summary>
/// A publish timeout after the QoS 2 handshake began (an SSCOM log written by hand: the module got +MQTTPUBREC, sent
/// PUBREL and waited for PUBCOMP in vain): the timeout ends that wait, which is then not also left open.
/// </summary>
public class AckTimeoutAfterPubRecTests
{
    private const string Sent = "[09:41:05.100]\u53d1\u2192\u25c7AT+MQTTPUB=\"dev/ota\",2,0,0,0,\"fw=1.2.7\"\r\n\u25a1\r\n";
    private const string Received = "[09:41:05.160]\u6536\u2190\u25c6\r\nOK\r\n\r\n[09:41:05.890]\u6536\u2190\u25c6\r\n+MQTTPUBREC: 0,4\r\n\r\n";

    [Test]
    public void The_timeout_names_the_handshake_it_ended_and_no_open_handshake_is_left()
    {
        var analysis = Readers.TempLog.Analyze(Sent + Received + "[09:41:16.000]\u6536\u2190\u25c6\r\n+MQTTTO: 2\r\n\r\n");

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "ack-timeout" }));
        Assert.That(analysis.Diagnostics[0].Message, Does.Contain("no publish ACK from the server in time for +MQTTPUBREC: 0,4 (packet 4 of AT+MQTTPUB=\"dev/ota\",2,0,0,0,\"fw=1.2.7\")"));
    }

    [Test]
    public void A_timeout_before_the_pubrec_ends_the_publish_itself()
    {
        var analysis = Readers.TempLog.Analyze(Sent + "[09:41:05.160]\u6536\u2190\u25c6\r\nOK\r\n\r\n[09:41:16.000]\u6536\u2190\u25c6\r\n+MQTTTO: 2\r\n\r\n");

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "ack-timeout" }));
        Assert.That(analysis.Diagnostics[0].Message, Does.Contain("in time for AT+MQTTPUB=\"dev/ota\",2,0,0,0,\"fw=1.2.7\" (line 1)"));
    }
}
