using Conformance.Harness.Dsl;
using Conformance.Harness.Links;
using Conformance.Harness.Running;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Secrets;
using Conformance.Suites;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests.Doubles;

/// <summary>Runs scenarios of the real suite catalog against a module server, on fake time, keeping the trace text.</summary>
public static class HarnessRun
{
    public static readonly SuiteParameters Parameters = new() { ApiKey = "s3cr3t-api-key" };

    public static SuiteCatalog Catalog { get; } = SuiteCatalog.FromAssembly(typeof(PowerOnSuite).Assembly);

    public static IReadOnlyList<SelectedScenario> Select(string? suite = null, string? title = null, SuiteParameters? parameters = null) =>
        [.. Catalog.Select(parameters ?? Parameters, suite).Where(s => title is null || s.Scenario.Title == title)];

    public static async Task<(RunReport Report, string Trace)> RunAsync(
        string target, IReadOnlyList<SelectedScenario> scenarios, FakeTimeProvider? clock = null, RunOptions? options = null, bool fast = true)
    {
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 22, 40, 41, TimeSpan.Zero));
        var secrets = new SecretMasker([Parameters.ApiKey]);
        var text = new StringWriter { NewLine = "\n" };
        await using var link = new LinkFactory().Parse(target, new LinkSettings(clock, secrets, fast));
        using var recorder = new TraceRecorder(text, clock, link.Target, secrets);
        var runner = new Runner(clock, options ?? new RunOptions());
        var report = await TimePump.RunAsync(clock, runner.RunAsync(link, scenarios, recorder));
        return (report, text.ToString());
    }

    public static async Task<(RunReport Report, string Trace)> RunAsync(
        FakeModule module, IReadOnlyList<SelectedScenario> scenarios, FakeTimeProvider? clock = null, RunOptions? options = null)
    {
        await using var server = new ModuleServer(() => module);
        return await RunAsync(server.Target, scenarios, clock, options);
    }
}
