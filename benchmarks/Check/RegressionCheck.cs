using Conformance.Benchmarks.Reporting;

namespace Conformance.Benchmarks.Check;

/// <summary>
/// <c>check DIR [--update-baseline]</c>: runs the short job, compares its ratios with DIR/baseline.json and exits 1
/// on a regression beyond noise that a second measurement of its corpus confirms. With --update-baseline it instead rewrites the baseline and the README table.
/// </summary>
public static class RegressionCheck
{
    /// <summary>The tokenizer must not allocate per frame; the limit absorbs a one-off few hundred bytes per pass (type initialisation, diagnoser rounding).</summary>
    private const double AllocationLimitPerFrame = 0.01;

    /// <summary>Demonstrates that the check catches a regression: the named workload runs twice per pass.</summary>
    private const string SlowdownOption = "--simulate-2x-slower";

    public static int Run(string[] options)
    {
        if (options is not [var dir, .. var flags] || !Directory.Exists(dir) ||
            flags is not ([] or ["--update-baseline"] or [SlowdownOption, nameof(LimitBenchmarks.Tokenizer) or nameof(LimitBenchmarks.Analyzer)]))
        {
            Console.Error.WriteLine(options is [var d, ..] && !Directory.Exists(d)
                ? $"check: no such directory: {d}"
                : $"check: unexpected arguments: {string.Join(' ', options.Skip(1))}");
            Console.Error.WriteLine($"usage: benchmarks/check [--update-baseline | {SlowdownOption} Tokenizer|Analyzer]");
            return 2;
        }
        var update = flags is ["--update-baseline"];
        if (flags is [SlowdownOption, var slowed])
        {
            CheckJob.Doubled = slowed;
            Console.WriteLine($"check: simulating a 2x slower {slowed}: its workload runs twice per pass; this run must fail");
        }
        var baselinePath = Path.Combine(dir, "baseline.json");
        // Read the baseline before the run, so a missing or broken file is reported at once, not after minutes.
        // When it is rewritten, only its threshold and noise floor are kept, and a missing one starts from defaults.
        Baseline? baseline = update && !File.Exists(baselinePath) ? new Baseline(0.3, 0.05, []) : null;
        if (baseline is null && !TryLoad(baselinePath, out baseline)) return 2;

        var measurements = CheckJob.Run();
        var ratios = Ratios.Of(measurements);
        var table = ResultsTable.Render(measurements);
        Console.WriteLine();
        Console.WriteLine(table);

        var failed = false;
        foreach (var tokenizer in measurements.Where(m => m.Method == nameof(LimitBenchmarks.Tokenizer)))
        {
            var perFrame = Ratios.AllocatedPerFrame(tokenizer);
            var allocates = perFrame > AllocationLimitPerFrame;
            failed |= allocates;
            Console.WriteLine($"{(allocates ? "REGRESSION" : "ok        ")}  {tokenizer.Corpus}: Tokenizer allocates {perFrame:0.000} B/frame (limit {AllocationLimitPerFrame})");
        }

        if (update)
        {
            (baseline! with { Ratios = ratios }).Save(baselinePath);
            ResultsTable.WriteInto(Path.Combine(dir, "README.md"), table);
            Console.WriteLine($"baseline and README table rewritten from this run: {baselinePath}");
            return failed ? 1 : 0;
        }

        var verdicts = Verdict.Compare(baseline!, ratios);
        var suspected = verdicts.Where(v => v.IsRegression && !double.IsNaN(v.Current)).Select(v => Ratios.CorpusOf(v.Name)).ToHashSet();
        if (suspected.Count > 0)
        {
            // A burst of load can still slow one workload through most rounds: a regression is measured twice before it fails.
            Console.WriteLine($"suspected regression in {string.Join(", ", suspected)}: measuring again");
            ratios = Ratios.Confirmed(ratios, Ratios.Of(CheckJob.Run(suspected, tierUp: false)));
            verdicts = Verdict.Compare(baseline!, ratios);
        }
        foreach (var verdict in verdicts)
        {
            failed |= verdict.IsRegression;
            Console.WriteLine(verdict);
        }
        Console.WriteLine(failed
            ? $"check: FAILED (threshold {baseline!.Threshold:P0}, noise floor {baseline.NoiseFloor})"
            : "check: passed");
        return failed ? 1 : 0;
    }

    private static bool TryLoad(string path, out Baseline? baseline)
    {
        baseline = null;
        try
        {
            baseline = Baseline.Load(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            Console.Error.WriteLine($"check: cannot read the baseline {path}: {e.Message} (write one with --update-baseline)");
            return false;
        }
    }
}
