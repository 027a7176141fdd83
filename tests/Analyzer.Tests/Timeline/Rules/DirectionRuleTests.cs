using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline.Rules;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

public class DirectionRuleTests
{
    private static LogRecord Record(long line, LogDirection direction) => new(line, "field.log", null, null, direction, "OK\r\n"u8.ToArray());

    [Test]
    public void The_first_record_without_a_direction_is_noted_once()
    {
        var log = Log();
        var rule = new DirectionRule(log);

        rule.Read(Record(1, LogDirection.FromModule).View);
        rule.Read(Record(4, LogDirection.Unknown).View);
        rule.Read(Record(5, LogDirection.Unknown).View);

        Assert.That(log.Kept.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (4L, "unknown-direction") }));
        Assert.That(log.Messages().Single(), Is.EqualTo("the log does not say which way this record went; read as module output"));
    }
}
