using Conformance.Analyzer.Timeline.Rules;
using Conformance.Protocol.Families;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

public class FamilyRuleTests
{
    [Test]
    public void Each_other_family_is_noted_once()
    {
        var log = Log();
        var rule = new FamilyRule(log);

        Assert.That(rule.AnySeen, Is.False);
        rule.Sent(ModuleFamilies.Quectel, "AT+QMTOPEN=0,\"broker\",1883", At);
        rule.Sent(ModuleFamilies.Quectel, "AT+QMTCONN=0,\"dev\"", At);
        rule.Received(ModuleFamilies.Quectel, "+QMTOPEN: 0,0", At);
        rule.Sent(ModuleFamilies.SimCom, "AT+CMQTTSTART", At);

        Assert.That(rule.AnySeen, Is.True);
        Assert.That(log.Codes(), Is.All.EqualTo("other-family"));
        Assert.That(log.Messages(), Is.EqualTo(new[]
        {
            "commands of another module family: Quectel; their exchanges are timed, not checked against the M5310-A manual",
            "commands of another module family: SIMCom; their exchanges are timed, not checked against the M5310-A manual",
        }));
    }
}
