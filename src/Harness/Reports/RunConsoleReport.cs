using Conformance.Harness.Running;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Display;
using Spectre.Console;

namespace Conformance.Harness.Reports;

/// <summary>The summary a test engineer reads at the end of a run: a table per scenario, then the findings.</summary>
public static class RunConsoleReport
{
    public static void Write(RunReport report, IAnsiConsole console)
    {
        var table = new Table().Title($"conformance {Markup.Escape(report.Target)}")
            .AddColumns("section", "scenario", "result", "duration", "message");
        foreach (var s in report.Scenarios)
            table.AddRow(
                Markup.Escape("§" + s.Section), Markup.Escape(s.Name), Colour(s.Outcome),
                $"{s.Duration.TotalSeconds:0.000} s", Markup.Escape(PrintableText.Escape(s.Message ?? (s.Findings.Count > 0 ? $"{s.Findings.Count} finding(s)" : ""))));
        console.Write(table);

        var findings = report.Scenarios.SelectMany(s => s.Findings.Select(f => (s.Title, f))).ToList();
        if (findings.Count > 0)
        {
            console.MarkupLine("[bold]Findings[/] (deviations from the manual's canonical forms):");
            foreach (var (title, finding) in findings)
                console.MarkupLine($"  {Colour(finding.Severity)} {Markup.Escape(PrintableText.Escape(finding.Detail))} [grey]in {Markup.Escape(title)}[/]");
        }
        if (report.Aborted is not null) console.MarkupLine($"[red bold]Run aborted:[/] {Markup.Escape(PrintableText.Escape(report.Aborted))}");
        console.MarkupLine($"{report.Count(Outcome.Passed)} passed, {report.Count(Outcome.Failed)} failed, " +
            $"{report.Count(Outcome.Skipped)} skipped, {report.Count(Outcome.Error) + report.Count(Outcome.NotRun)} not completed");
    }

    // The colours of the analyzer's console report, so a severity reads the same in both.
    private static string Colour(Severity severity) => severity switch
    {
        Severity.Error => "[red]error[/]",
        Severity.Warn => "[yellow]warn[/]",
        _ => "[blue]note[/]",
    };

    internal static string Colour(Outcome outcome) => outcome switch
    {
        Outcome.Passed => "[green]passed[/]",
        Outcome.Failed => "[red]failed[/]",
        Outcome.Skipped => "[yellow]skipped[/]",
        Outcome.Error => "[red bold]error[/]",
        _ => "[grey]not run[/]",
    };
}
