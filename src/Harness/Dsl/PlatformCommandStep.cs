using System.Text;
using Conformance.Harness.Links;

namespace Conformance.Harness.Dsl;

/// <summary>The platform sends a command to the device on <c>$creq/&lt;uuid&gt;</c> (it arrives as <c>+MQTTPUBLISH</c>).</summary>
public sealed class PlatformCommandStep(string deviceId, string uuid, string payload) : Step
{
    public override string Description => $"platform: send \"{payload}\" to device {deviceId} on $creq/{uuid}";

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (context.Link is IPlatformView platform)
        {
            // A module that connected under another client id than AT+MQTTCFG's id is not this device to the platform.
            try { await platform.SendCommandAsync(deviceId, uuid, Encoding.UTF8.GetBytes(payload)); }
            catch (InvalidOperationException e) { throw new StepFailedException($"the platform command was not sent: {e.Message}"); }
        }
        else context.Session.Trace.Event($"platform command not sent: {context.Link.Target} has no platform view");
    }
}
