using Conformance.Harness.Links;
using MQTTnet.Packets;

namespace Conformance.Harness.Dsl;

/// <summary>
/// The module's last <typeparamref name="T"/> packet on the wire (a CONNECT, PUBLISH, SUBSCRIBE, UNSUBSCRIBE) meets a
/// condition within the time: what AT+MQTTCFG, AT+MQTTOPEN, AT+MQTTPUB, AT+MQTTSUB or AT+MQTTUNSUB asked is what the
/// broker got, which no AT line can show.
/// </summary>
public sealed class ExpectSentStep<T>(Func<T, bool> condition, string conditionText, TimeSpan within) : Step where T : MqttPacket
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public override string Description => $"expect the module's last {Packet} on the wire where {conditionText}";

    private static string Packet => WirePacketText.NameOf(typeof(T));

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (context.Link is not IPlatformView platform || platform.PacketsSent() is null)
        {
            context.Session.Trace.Event($"wire check skipped: {context.Link.Target} does not show its packets");
            return;
        }
        var time = context.Session.Time;
        var start = time.GetTimestamp();
        // A packet with no answer (a QoS 0 PUBLISH) reaches the broker on the network's schedule, not the URCs'.
        while (true)
        {
            var last = platform.PacketsSent()!.OfType<T>().LastOrDefault();
            if (last is not null && condition(last)) return;
            if (time.GetElapsedTime(start) >= within)
                throw new StepFailedException(last is null
                    ? $"expected a {Packet} on the wire where {conditionText}; the module sent none"
                    : $"expected the module's last {Packet} on the wire where {conditionText}; it sent {WirePacketText.Of(last)}");
            await Task.Delay(Poll, time, cancel);
        }
    }
}
