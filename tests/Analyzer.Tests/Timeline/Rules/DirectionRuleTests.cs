using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline.Rules;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

public class DirectionRuleTests
{
    private static LogRecord Record(long line, LogDirection direction, string text = "OK\r\n") =>
        new(line, "field.log", null, null, direction, System.Text.Encoding.ASCII.GetBytes(text));

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

    [Test]
    public void A_blank_record_without_a_direction_is_not_noted()
    {
        // SSCOM writes a blank line after each send, with no arrow: it went nowhere.
        var log = Log();
        var rule = new DirectionRule(log);

        rule.Read(Record(2, LogDirection.Unknown, "\r\n").View);
        rule.Read(Record(3, LogDirection.Unknown, " \t").View);
        rule.Read(Record(7, LogDirection.Unknown, "+MQTTOPEN: OK\r\n").View);

        Assert.That(log.Kept.Select(d => d.Line), Is.EqualTo(new[] { 7L }));
    }
}
