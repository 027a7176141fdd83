using Conformance.Harness.Dsl;
using Conformance.Harness.Links;
using Conformance.Harness.Running;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Tracing;
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

    /// <summary>A fake clock at the time the test traces start.</summary>
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 25, 22, 40, 41, TimeSpan.Zero));

    /// <summary>
    /// Runs on <paramref name="clock"/>: a fake one (the default) is pumped, any other runs by itself. The pump holds
    /// the clock while <paramref name="inFlight"/> says, from the trace so far, that an answer is on its way.
    /// </summary>
    public static async Task<(RunReport Report, string Trace)> RunAsync(
        string target, IReadOnlyList<SelectedScenario> scenarios, TimeProvider? clock = null, RunOptions? options = null, bool fast = true,
        Func<IReadOnlyList<TraceRecord>, bool>? inFlight = null)
    {
        clock ??= NewClock();
        var secrets = new SecretMasker([Parameters.ApiKey]);
        var text = new StringWriter { NewLine = "\n" };
        await using var link = new LinkFactory().Parse(target, new LinkSettings(clock, secrets, fast));
        using var recorder = new TraceRecorder(text, clock, link.Target, secrets);
        var run = new Runner(clock, options ?? new RunOptions()).RunAsync(link, scenarios, recorder);
        var report = clock is FakeTimeProvider fake
            ? await TimePump.RunAsync(fake, run, inFlight: inFlight is null ? null : () => inFlight(recorder.Records))
            : await run;
        return (report, text.ToString());
    }

    public static async Task<(RunReport Report, string Trace)> RunAsync(
        IModuleDouble module, IReadOnlyList<SelectedScenario> scenarios, FakeTimeProvider? clock = null, RunOptions? options = null)
    {
        await using var server = new ModuleServer(() => module);
        return await RunAsync(server.Target, scenarios, clock, options, inFlight: server.InFlight);
    }
}
