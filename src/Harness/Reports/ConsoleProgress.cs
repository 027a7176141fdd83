using Conformance.Harness.Running;
using Conformance.Protocol.Display;
using Spectre.Console;

namespace Conformance.Harness.Reports;

/// <summary>Live progress: one line per scenario as it ends, with the failing step's message.</summary>
public sealed class ConsoleProgress(IAnsiConsole console) : IRunObserver
{
    public void ScenarioStarted(string suite, string title) =>
        console.MarkupLine($"[grey]{Markup.Escape(suite)}[/] {Markup.Escape(title)} …");

    public void StepFinished(StepResult step)
    {
        if (step.Outcome != Outcome.Passed)
            console.MarkupLine($"    [red]§{Markup.Escape(step.Section)} {Markup.Escape(PrintableText.Escape(step.Description))}[/]");
    }

    public void ScenarioFinished(ScenarioResult result) =>
        console.MarkupLine($"  {RunConsoleReport.Colour(result.Outcome)} {Markup.Escape(result.Title)} " +
            $"[grey]({result.Duration.TotalSeconds:0.000} s)[/]{(result.Message is null ? "" : " " + Markup.Escape(PrintableText.Escape(result.Message)))}");
}
