using Conformance.Analyzer.Timeline;
using Conformance.Analyzer.Timeline.Rules;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Syntax;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

public class DeviationRuleTests
{
    [Test]
    public void Each_kind_of_deviation_is_reported_once_where_it_is_first_seen()
    {
        var log = Log();
        var rule = new DeviationRule(log, Masker);
        var space = Deviation.Of(CodeList.NoSpaceAfterColon, "no space after '+MQTTOPEN:'", "1.2");

        rule.Check([space], new Stamp(3, null, null));
        rule.Check([space, Deviation.Of(CodeList.JunkBeforeAt, "2 stray character(s) before the echoed AT")], new Stamp(9, null, null));
        rule.Check([space], new Stamp(12, null, null));

        Assert.That(log.Kept.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (3L, "format-deviation"), (9L, "format-deviation") }));
        Assert.That(log.Messages().First(), Is.EqualTo("no-space-after-colon (manual §1.2): no space after '+MQTTOPEN:'; reported once"));
        Assert.That(log.Messages().Last(), Does.StartWith("junk-before-at (manual §"));
    }

    [Test]
    public void Deviations_are_read_from_the_lines_the_module_sends()
    {
        var log = Log();
        var urc = Events("+MQTTOPEN:OK\r\n").Single();

        new DeviationRule(log, Masker).Check(urc.Deviations, At);

        Assert.That(urc.Deviations, Is.Not.Empty, "the manual writes '+MQTTOPEN: OK'");
        Assert.That(log.Codes(), Is.EqualTo(new[] { "format-deviation" }));
    }
}
