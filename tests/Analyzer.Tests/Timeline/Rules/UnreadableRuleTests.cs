using Conformance.Analyzer.Timeline.Rules;
using Conformance.Protocol.Commands;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

public class UnreadableRuleTests
{
    [Test]
    public void An_unreadable_command_says_what_is_wrong_and_where()
    {
        var log = Log();
        const string line = "AT+MQTTSUB=\"t\",x";
        var parsed = AtCommandParser.Parse(line);

        new UnreadableRule(log, Masker).Sent(line, parsed.Error, parsed.ErrorPosition, RuleInputs.At);

        Assert.That(parsed.Value, Is.Null);
        Assert.That(log.Codes(), Is.EqualTo(new[] { "unreadable-line" }));
        Assert.That(log.Messages().Single(), Does.StartWith(line + ": ").And.Contain($"(at character {parsed.ErrorPosition + 1})"));
    }

    [Test]
    public void An_unreadable_answer_is_quoted()
    {
        var log = Log();
        var urc = Events("+MQTTSUBACK:five,1\r\n").Single();

        new UnreadableRule(log, Masker).Received(urc.Text, urc.Error!, urc.ErrorPosition, RuleInputs.At);

        Assert.That(log.Codes(), Is.EqualTo(new[] { "unreadable-line" }));
        Assert.That(log.Messages().Single(), Does.StartWith("'+MQTTSUBACK:five,1': "));
    }

    [Test]
    public void Without_a_position_or_a_reason_the_message_still_reads()
    {
        var log = Log();

        new UnreadableRule(log, Masker).Sent("AT+???", error: null, position: -1, RuleInputs.At);

        Assert.That(log.Messages(), Is.EqualTo(new[] { "AT+???: unreadable" }));
    }
}
