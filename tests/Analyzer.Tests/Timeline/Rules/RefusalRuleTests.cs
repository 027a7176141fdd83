using Conformance.Analyzer.Timeline;
using Conformance.Analyzer.Timeline.Rules;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

public class RefusalRuleTests
{
    private static readonly Awaited Subscribe = new(3, "+MQTTSUBACK", "AT+MQTTSUB=\"dev/cmd\",1");

    [Test]
    public void A_failed_open_names_the_command_it_answers()
    {
        var log = Log();

        new RefusalRule(log, new Radio()).Received(Urc("+MQTTOPEN:FAIL"), "+MQTTOPEN:FAIL", new Awaited(2, "+MQTTOPEN", "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\""), At);

        Assert.That(log.Codes(), Is.EqualTo(new[] { "open-failed" }));
        Assert.That(log.Messages().Single(), Is.EqualTo("+MQTTOPEN:FAIL for AT+MQTTOPEN=1,1,0,0,0,\"\",\"\" (line 2): the connection could not be made (manual §1.2)"));
    }

    [Test]
    public void A_refused_subscription_is_reported_also_when_nothing_waited_for_it()
    {
        var log = Log();
        var rule = new RefusalRule(log, new Radio());

        rule.Received(Urc("+MQTTSUBACK:5,128"), "+MQTTSUBACK:5,128", Subscribe, At);
        rule.Received(Urc("+MQTTSUBACK:6,128"), "+MQTTSUBACK:6,128", null, At);

        Assert.That(log.Messages(), Is.EqualTo(new[]
        {
            "+MQTTSUBACK:5,128 for AT+MQTTSUB=\"dev/cmd\",1 (line 3): the server refused the subscription",
            "+MQTTSUBACK:6,128: the server refused the subscription",
        }));
        Assert.That(log.Codes(), Is.All.EqualTo("subscribe-refused"));
    }

    [TestCase("+MQTTOPEN:OK")]
    [TestCase("+MQTTSUBACK:5,1")]
    [TestCase("+MQTTPUBACK:5,0")]
    public void An_outcome_that_says_yes_is_not_reported(string line)
    {
        var log = Log();

        new RefusalRule(log, new Radio()).Received(Urc(line), line, Subscribe, At);

        Assert.That(log.Kept, Is.Empty);
    }
}
