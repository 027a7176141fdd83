namespace Conformance.Protocol.Commands;

/// <summary><c>AT+MQTTSUB=topic,qos[,index]</c>: subscribe to one topic (manual §1.4).</summary>
/// <param name="Topic">Topic filter; wildcards allowed.</param>
/// <param name="Qos">Requested maximum QoS, 0..2.</param>
/// <param name="Index">Where publishes go; only 0 (the AT port) exists. Null when not sent.</param>
public sealed record MqttSub(string Topic, int Qos, int? Index) : AtCommand
{
    public override string Name => "+MQTTSUB";
    public override string Section => "1.4";

    public override string Format() =>
        Index is { } index ? Set(Quoted(Topic), $"{Qos}", $"{index}") : Set(Quoted(Topic), $"{Qos}");

    internal static MqttSub Parse(ArgumentList arguments)
    {
        arguments.ExpectCount(2, 3, "AT+MQTTSUB=<topic>,<qos>[,<index>]");
        return new MqttSub(
            arguments.Text(0, "topic", ArgumentRules.Topic),
            arguments.Number(1, "qos", ArgumentRules.Qos),
            arguments.Count == 3 ? arguments.Number(2, "index", ArgumentRules.Index) : null);
    }
}
