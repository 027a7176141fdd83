using Conformance.Emulator.Endpoints;
using Conformance.Harness.Links;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

/// <summary><c>--target serial:</c> over a real pseudo-terminal (the project's own, no external tool), the module double on the far end.</summary>
public class SerialLinkTests
{
    [Test]
    [Platform("Linux")]
    public async Task Suites_run_over_a_pseudo_terminal_at_9600_baud()
    {
        var (path, report, trace) = await RunOverPseudoTerminalAsync(HarnessRun.Select("Open"));

        Assert.That(report.Target, Is.EqualTo($"serial:{path},{Emulator.Endpoints.SerialAddress.DefaultBaudRate}"));
        Assert.That(report.Scenarios.Select(s => s.Outcome), Is.All.EqualTo(Outcome.Passed), string.Join("\n", report.Scenarios.Select(s => s.Message)));
        Assert.That(trace, Does.Contain("< +MQTTOPEN:OK\\r\\n"));
    }

    [Test]
    [Platform("Linux")]
    public async Task A_live_module_runs_the_publish_scenarios_without_the_wire_check_it_cannot_make()
    {
        var (_, report, trace) = await RunOverPseudoTerminalAsync(HarnessRun.Select(title: "1.5 QoS 1 publish is acknowledged by +MQTTPUBACK"));

        Assert.That(report.Scenarios.Select(s => s.Outcome), Is.EqualTo(new[] { Outcome.Passed }), string.Join("\n", report.Scenarios.Select(s => s.Message)));
        Assert.That(trace, Does.Contain("wire check skipped: serial:"));
    }

    /// <summary>Runs the selection over a real pseudo-terminal with the module double on its far end.</summary>
    private static async Task<(string Path, RunReport Report, string Trace)> RunOverPseudoTerminalAsync(IReadOnlyList<SelectedScenario> scenarios)
    {
        await using var module = PtyStream.Open();
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(() => new FakeModule(Dialect.Field).ServeAsync(module, stop.Token));
        var (report, trace) = await HarnessRun.RunAsync($"serial:{module.Path}", scenarios);
        await stop.CancelAsync();
        try { await serving; }
        catch (OperationCanceledException) { }
        return (module.Path, report, trace);
    }

    [Test]
    public async Task A_missing_port_is_a_link_error_that_names_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-port-" + Guid.NewGuid().ToString("N"));
        var link = new LinkFactory().Parse($"serial:{missing},115200", new LinkSettings(TimeProvider.System, Protocol.Secrets.SecretMasker.Shown));

        var error = Assert.ThrowsAsync<LinkException>(() => link.OpenAsync(CancellationToken.None));
        Assert.That(error!.Message, Is.EqualTo($"serial port {missing} does not exist (is the module plugged in?)"));
        await link.DisposeAsync();
    }

    [TestCase("serial:/dev/ttyUSB0,fast", "serial target: baud rate 'fast' at character 21 of 'serial:/dev/ttyUSB0,fast' must be a positive number, e.g. serial:/dev/ttyUSB0,115200")]
    [TestCase("serial:,9600", "serial target: no port given in 'serial:,9600', e.g. serial:/dev/ttyUSB0,9600")]
    [TestCase("tcp:localhost", "tcp target 'localhost': expected HOST:PORT, e.g. tcp:127.0.0.1:5310")]
    [TestCase("usb:0", "unknown target 'usb:0': expected one of emulator:…, mutant:…, replay:…, serial:…, tcp:…")]
    [TestCase("mutant:drop-everything", "mutant target: no mutant named 'drop-everything'; see 'conformance mutate --list', e.g. mutant:drop-suback")]
    [TestCase("mutant:drop-suback,fielded", "mutant target: unknown dialect 'fielded': expected mutant:drop-suback, mutant:drop-suback,manual or mutant:drop-suback,field")]
    public void A_bad_target_is_rejected_saying_what_is_wrong(string target, string message)
    {
        Assert.That(() => new LinkFactory().Parse(target, new LinkSettings(TimeProvider.System, Protocol.Secrets.SecretMasker.Shown)),
            Throws.TypeOf<LinkException>().With.Message.EqualTo(message));
    }
}
