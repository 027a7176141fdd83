using Conformance.Harness.Links;

namespace Conformance.Harness.Dsl;

/// <summary>Breaks (or mends) the broker side through <see cref="IBrokerControl"/>; on a replay the trace already holds the effect.</summary>
public sealed class BrokerStep(Func<IBrokerControl, Task> action, string actionText) : Step
{
    public override string Description => $"broker: {actionText}";

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (context.Link is IBrokerControl broker) await action(broker);
        else context.Session.Trace.Event($"broker: {actionText} (not available on {context.Link.Target})");
    }
}
