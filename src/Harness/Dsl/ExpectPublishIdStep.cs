using Conformance.Harness.Links;

namespace Conformance.Harness.Dsl;

/// <summary>
/// The packet id a URC reported for the module's last publish (<c>+MQTTPUBACK</c>, <c>+MQTTPUBREC</c>) is the one
/// its PUBLISH carried on the wire (manual §1.5): a host matches acknowledgements to its messages by it, and nothing
/// on the AT side alone can tell a wrong id from a right one.
/// </summary>
public sealed class ExpectPublishIdStep(CapturedPacketId id) : Step
{
    public override string Description => $"expect the packet id {id} to be that of the PUBLISH on the wire";

    internal override Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (context.Link is not IPlatformView platform || platform.PublishIdsSent() is not { } sent)
        {
            context.Session.Trace.Event($"wire check skipped: {context.Link.Target} does not show its packets");
            return Task.CompletedTask;
        }
        if (id.Value is not { } reported) throw new StepFailedException($"no packet id was taken from {id.Source}");
        if (sent.Count == 0) throw new StepFailedException($"{id.Source} reported packet id {reported}, but the module sent no QoS 1 or 2 PUBLISH");
        if (sent[^1] != reported)
            throw new StepFailedException($"{id.Source} reported packet id {reported}; the PUBLISH the module sent carried {sent[^1]}");
        return Task.CompletedTask;
    }
}
