using Conformance.Harness.Running;
using Conformance.Protocol.Display;
using Spectre.Console;

namespace Conformance.Harness.Reports;

/// <summary>
/// The farm at a glance for a release manager: scenarios down, modules across, each module's target and firmware
/// identity on top and its verdict at the bottom; then why each cell that did not pass did not.
/// </summary>
public static class MatrixConsoleReport
{
    public static void Write(FarmReport farm, IAnsiConsole console)
    {
        var table = new Table().Title($"conformance farm: {farm.Modules.Count} modules").AddColumn("scenario");
        foreach (var module in farm.Modules) table.AddColumn(Markup.Escape(module.Module.Name));
        table.AddRow(["[grey]target[/]", .. farm.Modules.Select(m => Escape(m.Module.Target))]);
        table.AddRow(["[grey]AT+CGMR[/]", .. farm.Modules.Select(m => Escape(m.Identity.RevisionText))]);
        table.AddRow(["[grey]ATI[/]", .. farm.Modules.Select(m => Escape(m.Identity.IdentificationText))]);
        for (var i = 0; i < farm.Scenarios.Count; i++)
        {
            var index = i;
            table.AddRow([Markup.Escape($"§{farm.Scenarios[i].Scenario.Section} {farm.Scenarios[i].Scenario.Name}"),
                .. farm.Modules.Select(m => Colour(MatrixCell.Of(m, index)))]);
        }
        table.AddRow(["[bold]module[/]", .. farm.Modules.Select(m => m.Passed ? "[green bold]passed[/]" : $"[red bold]{Escape(MatrixCell.Summary(m))}[/]")]);
        console.Write(table);

        foreach (var module in farm.Modules)
        {
            var notes = Enumerable.Range(0, farm.Scenarios.Count)
                .Select(i => (Scenario: farm.Scenarios[i].Scenario, Cell: MatrixCell.Of(module, i)))
                .Where(n => n.Cell.Verdict is not (Verdict.Passed or Verdict.Skipped or Verdict.NotRun) && module.Report is not null)
                .ToList();
            if (module.Error is null && notes.Count == 0) continue;
            console.MarkupLine($"[bold]{Markup.Escape(module.Module.Name)}[/]: {Escape(MatrixCell.Summary(module))}");
            foreach (var (scenario, cell) in notes)
                console.MarkupLine($"  {Colour(cell)} {Markup.Escape(scenario.Title)}: {Escape(cell.Detail)}");
        }
        var passed = farm.Modules.Count(m => m.Passed);
        console.MarkupLine($"{passed} of {farm.Modules.Count} modules passed");
    }

    private static string Colour(MatrixCell cell) => cell.Verdict switch
    {
        Verdict.Passed => "[green]passed[/]",
        Verdict.Finding => "[yellow]finding[/]",
        Verdict.Failed => "[red]failed[/]",
        Verdict.Skipped => "[grey]skipped[/]",
        Verdict.Error => "[red bold]error[/]",
        _ => "[grey]not run[/]",
    };

    private static string Escape(string text) => Markup.Escape(PrintableText.Escape(text));
}
