using System.Buffers;
using System.Globalization;
using Conformance.Harness.Links;
using Conformance.Protocol.Commands;
using MQTTnet.Packets;

namespace Conformance.Harness.Dsl;

/// <summary>
/// The module's last PUBLISH on the wire in this scenario carries what the scenario's last <c>AT+MQTTPUB</c> asked:
/// its topic, QoS, retain flag and message, and DUP 0, as on any first transmission (MQTT 3.1.1 §3.3.1.1; the manual
/// has the module force it). A firmware that gets the QoS or a flag wrong on the wire may still print every AT line
/// of the QoS asked; the broker, and every subscriber, gets what the PUBLISH says.
/// </summary>
public sealed class ExpectWirePublishStep(TimeSpan within) : Step
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public override string Description => "expect the module's last PUBLISH on the wire to carry what AT+MQTTPUB asked";

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (context.Link is not IPlatformView platform || platform.PacketsSent() is null)
        {
            context.Session.Trace.Event($"wire check skipped: {context.Link.Target} does not show its packets");
            return;
        }
        var asked = context.LastCommand<MqttPub>() ?? throw new StepFailedException("no AT+MQTTPUB was sent in this scenario before the wire check");
        var time = context.Session.Time;
        var start = time.GetTimestamp();
        // A QoS 0 PUBLISH has no answer: it reaches the broker on the network's schedule, not the URCs'.
        while (true)
        {
            var last = platform.PacketsSent()!.Skip(context.WireStart).OfType<MqttPublishPacket>().LastOrDefault();
            var wrong = last is null ? null : Differences(asked, last);
            if (wrong is { Count: 0 }) return;
            if (time.GetElapsedTime(start) >= within)
                throw new StepFailedException(last is null
                    ? $"the module sent no PUBLISH on the wire for {asked.FormatRedacted()}"
                    : $"the module's PUBLISH is not what {asked.FormatRedacted()} asked: {string.Join(", ", wrong!)}; it sent {WirePacketText.Of(last)}");
            await Task.Delay(Poll, time, cancel);
        }
    }

    /// <summary>Each field of the PUBLISH that is not what the command asked, in MQTT's words; empty when all are.</summary>
    internal static List<string> Differences(MqttPub asked, MqttPublishPacket sent)
    {
        var wrong = new List<string>();
        if (sent.Topic != asked.Topic) wrong.Add($"topic \"{sent.Topic}\" instead of \"{asked.Topic}\"");
        if ((int)sent.QualityOfServiceLevel != asked.Qos) wrong.Add($"QoS {(int)sent.QualityOfServiceLevel} instead of {asked.Qos}");
        if (sent.Retain != asked.Retain) wrong.Add($"retain {Flag(sent.Retain)} instead of {Flag(asked.Retain)}");
        if (sent.Dup) wrong.Add("DUP 1 on its first transmission, where MQTT requires 0");
        var message = asked.GetMessageBytes();
        if (!sent.Payload.ToArray().AsSpan().SequenceEqual(message))
            wrong.Add(string.Create(CultureInfo.InvariantCulture, $"another message ({sent.Payload.Length} bytes) than the {message.Length} bytes asked"));
        return wrong;
    }

    private static string Flag(bool flag) => flag ? "1" : "0";
}
