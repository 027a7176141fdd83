using Conformance.Harness.Running;

namespace Conformance.Harness.Reports;

/// <summary>One cell of the farm matrix: the verdict, its word, and why (the failure message or the findings; empty when passed).</summary>
public sealed record MatrixCell(Verdict Verdict, string Detail)
{
    /// <summary>The word shown in the cell.</summary>
    public string Text => Verdict switch
    {
        Verdict.Passed => "passed",
        Verdict.Finding => "finding",
        Verdict.Failed => "failed",
        Verdict.Skipped => "skipped",
        Verdict.Error => "error",
        _ => "not run",
    };

    /// <summary>The cell of <paramref name="module"/> for the scenario at <paramref name="index"/> (every module runs the same list).</summary>
    public static MatrixCell Of(ModuleResult module, int index)
    {
        if (module.Report is not { } report || index >= report.Scenarios.Count)
            return new MatrixCell(Verdict.Error, module.Problem ?? "not run");
        var scenario = report.Scenarios[index];
        var findings = string.Join("; ", scenario.Findings.Select(f => f.ToString()));
        return scenario.Outcome switch
        {
            Outcome.Passed when scenario.Findings.Count > 0 => new MatrixCell(Verdict.Finding, findings),
            Outcome.Passed => new MatrixCell(Verdict.Passed, ""),
            Outcome.Failed => new MatrixCell(Verdict.Failed, scenario.Message ?? ""),
            Outcome.Skipped => new MatrixCell(Verdict.Skipped, scenario.Message ?? ""),
            Outcome.Error => new MatrixCell(Verdict.Error, scenario.Message ?? ""),
            _ => new MatrixCell(Verdict.NotRun, scenario.Message ?? ""),
        };
    }

    /// <summary>The module's verdict in one line: passed, or what failed or kept it from running.</summary>
    public static string Summary(ModuleResult module)
    {
        if (module.Error is { } error) return $"error: {error}";
        var report = module.Report!;
        var failed = report.Count(Outcome.Failed);
        var text = report.AllPassed ? "passed" : $"failed: {failed} of {report.Scenarios.Count} scenarios";
        return report.Aborted is { } aborted ? $"{text}; aborted: {aborted}" : text;
    }
}
