namespace Conformance.Protocol.Commands;

/// <summary><c>AT+MQTTUNSUB=topic</c>: unsubscribe from one topic (manual §1.6).</summary>
/// <param name="Topic">A topic subscribed before.</param>
public sealed record MqttUnsub(string Topic) : AtCommand
{
    public override string Name => "+MQTTUNSUB";
    public override string Section => "1.6";

    public override string Format() => Set(Quoted(Topic));

    internal static MqttUnsub Parse(ArgumentList arguments)
    {
        arguments.ExpectCount(1, 1, "AT+MQTTUNSUB=<topic>");
        return new MqttUnsub(arguments.Text(0, "topic", ArgumentRules.Topic));
    }
}
