using Conformance.Benchmarks.Reporting;

namespace Conformance.Benchmarks.Check;

/// <summary>
/// <c>check DIR [--update-baseline]</c>: runs the short job, compares its ratios with DIR/baseline.json and exits 1
/// on a regression beyond noise. With --update-baseline it instead rewrites the baseline and the README table.
/// </summary>
public static class RegressionCheck
{
    /// <summary>The tokenizer must not allocate per frame; the limit absorbs a one-off few hundred bytes per pass (type initialisation, diagnoser rounding).</summary>
    private const double AllocationLimitPerFrame = 0.01;

    public static int Run(string[] options)
    {
        if (options is not [var dir, .. var flags] || !Directory.Exists(dir))
        {
            Console.Error.WriteLine("usage: check <benchmarks directory> [--update-baseline]");
            return 2;
        }
        var update = flags.Contains("--update-baseline");
        var baselinePath = Path.Combine(dir, "baseline.json");

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
            var old = File.Exists(baselinePath) ? Baseline.Load(baselinePath) : new Baseline(0.25, 0.05, []);
            (old with { Ratios = ratios }).Save(baselinePath);
            ResultsTable.WriteInto(Path.Combine(dir, "README.md"), table);
            Console.WriteLine($"baseline and README table rewritten from this run: {baselinePath}");
            return failed ? 1 : 0;
        }

        var baseline = Baseline.Load(baselinePath);
        foreach (var verdict in Verdict.Compare(baseline, ratios))
        {
            failed |= verdict.IsRegression;
            Console.WriteLine(verdict);
        }
        Console.WriteLine(failed
            ? $"check: FAILED (threshold {baseline.Threshold:P0}, noise floor {baseline.NoiseFloor})"
            : "check: passed");
        return failed ? 1 : 0;
    }
}
