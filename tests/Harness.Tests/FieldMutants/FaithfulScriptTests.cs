using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;

namespace Conformance.Harness.Tests.FieldMutants;

/// <summary>A module that follows the manual, written without the project's protocol code, passes every suite it can serve.</summary>
public class FaithfulScriptTests
{
    /// <summary>The suites a plain AT port can serve: no broker control, no platform.</summary>
    public static readonly string[] Suites = ["PowerOn", "Cfg", "Stat", "Open", "Sub", "Pub", "Unsub", "Disc", "Del", "Urc", "ErrorCode"];

    [TestCaseSource(nameof(Suites))]
    public async Task The_manual_s_flows_pass_without_a_finding(string suite)
    {
        var (report, trace) = await HarnessRun.RunAsync(new ScriptedModule(), HarnessRun.Select(suite));

        Assert.That(report.Scenarios.Where(s => s.Outcome is not (Outcome.Passed or Outcome.Skipped)).Select(s => $"{s.Title}: {s.Message}"), Is.Empty, trace);
        Assert.That(report.Scenarios.Count(s => s.Outcome == Outcome.Passed), Is.GreaterThan(0));
        Assert.That(report.Scenarios.SelectMany(s => s.Findings).Select(f => f.Detail), Is.Empty);
    }

    [TestCase("Sub")]
    [TestCase("Pub")]
    [TestCase("Unsub")]
    [TestCase("Urc")]
    public async Task Over_a_real_broker_the_manual_s_flows_pass_with_the_broker_s_packet_ids_and_QoS(string suite)
    {
        // The broker, not the script, decides the packet ids, the granted QoS and what comes back at which QoS.
        await using var broker = await BrokerSide.StartAsync();
        var (report, trace) = await HarnessRun.RunAsync(new ScriptedModule(mqtt: broker), HarnessRun.Select(suite));

        Assert.That(report.Scenarios.Where(s => s.Outcome is not (Outcome.Passed or Outcome.Skipped)).Select(s => $"{s.Title}: {s.Message}"), Is.Empty, trace);
        Assert.That(report.Scenarios.SelectMany(s => s.Findings).Select(f => f.Detail), Is.Empty);
        var connected = System.Text.RegularExpressions.Regex.Count(trace, @" < \+MQTTOPEN: OK\\r\\n");
        Assert.That(connected, Is.GreaterThan(0));
        Assert.That(broker.Connections, Is.EqualTo(connected), "each +MQTTOPEN: OK is a CONNACK from the broker");
    }
}
