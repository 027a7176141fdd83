using Conformance.Analyzer.Timeline.Rules;
using Conformance.Protocol.Responses;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

public class CommandErrorRuleTests
{
    [Test]
    public void A_cme_error_with_a_known_code_is_explained_with_the_manuals_meaning()
    {
        var log = Log();
        var final = Events("\r\n+CME ERROR: 601\r\n", pending: "AT+MQTTSUB=\"t\",1").Single();

        new CommandErrorRule(log).Failed("AT+MQTTSUB=\"t\",1", final.Text, final.Result, final.Value as FinalResult, At);

        Assert.That(log.Codes(), Is.EqualTo(new[] { "cme-error" }));
        Assert.That(log.Messages().Single(), Does.StartWith("AT+MQTTSUB=\"t\",1 failed: +CME ERROR: 601 means \"").And.Contain("(manual §"));
    }

    [TestCase("ERROR", FinalResultKind.Error, "command-error")]
    [TestCase("+CME ERROR: operation not allowed", FinalResultKind.CmeError, "cme-error")]
    [TestCase("SEND FAIL", null, "command-error")]
    public void Any_other_failure_is_reported_as_it_came(string final, FinalResultKind? kind, string code)
    {
        var log = Log();

        new CommandErrorRule(log).Failed("AT+CIPSEND=4", final, kind, value: null, At);

        Assert.That(log.Codes(), Is.EqualTo(new[] { code }));
        Assert.That(log.Messages(), Is.EqualTo(new[] { $"AT+CIPSEND=4 failed: {final}" }));
        Assert.That(log.Kept.Single().Line, Is.EqualTo(At.Line));
    }
}
