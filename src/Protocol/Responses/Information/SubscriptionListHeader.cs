using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>The bare <c>+MQTTSUB:</c> line that opens the answer to <c>AT+MQTTSUB?</c> (manual §1.4).</summary>
public sealed record SubscriptionListHeader : InformationResponse
{
    public override string Format(Dialect dialect) => "+MQTTSUB:";

    internal static SubscriptionListHeader Read(ResponseReader reader)
    {
        reader.Split("1.4", 0, 0);
        return new SubscriptionListHeader();
    }
}
