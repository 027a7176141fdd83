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
        var rule = new AckTimeoutRule(log);

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
