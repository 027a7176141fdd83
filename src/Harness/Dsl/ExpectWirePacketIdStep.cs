using Conformance.Harness.Links;

namespace Conformance.Harness.Dsl;

/// <summary>
/// The packet id a URC reported for the module's last request (<c>+MQTTPUBACK</c>, <c>+MQTTPUBREC</c>,
/// <c>+MQTTSUBACK</c>, <c>+MQTTUNSUBACK</c>) is the one that request carried on the wire: a host matches
/// acknowledgements to its requests by it, and nothing on the AT side alone can tell a wrong id from a right one.
/// </summary>
public sealed class ExpectWirePacketIdStep(CapturedPacketId id) : Step
{
    public override string Description => $"expect the packet id {id} to be that of the module's last request on the wire";

    internal override Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (context.Link is not IPlatformView platform || platform.RequestsSent() is not { } sent)
        {
            context.Session.Trace.Event($"wire check skipped: {context.Link.Target} does not show its packets");
            return Task.CompletedTask;
        }
        if (id.Value is not { } reported) throw new StepFailedException($"no packet id was taken from {id.Source}");
        if (sent.Count == 0) throw new StepFailedException($"{id.Source} reported packet id {reported}, but the module sent no request with a packet id");
        if (sent[^1] is var last && last.PacketId != reported)
            throw new StepFailedException($"{id.Source} reported packet id {reported}; the {last.Packet} the module sent carried {last.PacketId}");
        return Task.CompletedTask;
    }
}
