using Conformance.Harness.Running;
using Conformance.Protocol.Display;
using Spectre.Console;

namespace Conformance.Harness.Reports;

/// <summary>Live progress of one farm module: a line per scenario as it ends, named after the module, since modules run at once.</summary>
public sealed class ModuleProgress(IAnsiConsole console, string module) : IRunObserver
{
    public void ScenarioStarted(string suite, string title) { }

    public void StepFinished(StepResult step) { }

    public void ScenarioFinished(ScenarioResult result)
    {
        var line = $"[bold]{Markup.Escape(module)}[/] {RunConsoleReport.Colour(result.Outcome)} {Markup.Escape(result.Title)}" +
            (result.Message is null ? "" : " " + Markup.Escape(PrintableText.Escape(result.Message)));
        // One console, several modules: whole lines only.
        lock (console) console.MarkupLine(line);
    }
}
