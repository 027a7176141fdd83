using Conformance.Harness.Links;
using Conformance.Protocol.OneNet;

namespace Conformance.Harness.Dsl;

/// <summary>The platform shows data points of the device meeting a condition within the time (manual §3.3.3).</summary>
public sealed class ExpectOnPlatformStep(string deviceId, Func<IReadOnlyList<DataPoint>, bool> condition, string conditionText, TimeSpan within) : Step
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public override string Description => $"expect on the platform for device {deviceId}: {conditionText}";

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (context.Link is not IPlatformView platform)
        {
            context.Session.Trace.Event($"platform check skipped: {context.Link.Target} has no platform view");
            return;
        }
        var time = context.Session.Time;
        var start = time.GetTimestamp();
        // Uploads reach the platform on the broker's own schedule, not in step with the module's URCs.
        while (true)
        {
            var points = platform.DataPointsOf(deviceId);
            if (condition(points)) return;
            if (time.GetElapsedTime(start) >= within)
                throw new StepFailedException($"expected on the platform for device {deviceId} {conditionText} within {within.TotalSeconds:0.###} s; " +
                    $"it shows {(points.Count == 0 ? "no data points" : string.Join(", ", points.Select(p => $"{p.DatastreamId}={p.Value}")))}");
            await Task.Delay(Poll, time, cancel);
        }
    }
}
