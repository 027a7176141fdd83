using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>One line of the <c>AT+MQTTSUB?</c> list after <c>+MQTTSUB:</c>: a subscribed topic, written bare (manual §1.4).</summary>
public sealed record SubscribedTopic(string Topic) : InformationResponse
{
    public override string Format(Dialect dialect) => Topic;

    // The whole line is the topic: commas belong to it.
    internal static SubscribedTopic Read(ResponseReader reader)
    {
        reader.Split("1.4", 1, 1, lastTakesRest: true);
        return new SubscribedTopic(reader.Text(0));
    }
}
