namespace Conformance.Harness.Dsl;

/// <summary>
/// Listens for a quiet period and fails on any URC no step has taken: an unexpected or duplicated URC, whether
/// it came before the step began or during it. (A scenario's untaken URCs are reported at its end, so none
/// is carried into the next.)
/// </summary>
public sealed class NoOtherUrcsStep(TimeSpan quiet) : Step
{
    public override string Description => $"expect no other URC within {quiet.TotalSeconds:0.###} s";

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        var stray = await context.Session.WaitForUrcAsync(_ => true, quiet, cancel);
        // Quiet: a frame still held for bytes that did not come is something the module said.
        if (stray is null && context.Session.FlushHeld()) stray = await context.Session.WaitForUrcAsync(_ => true, TimeSpan.Zero, cancel);
        if (stray is null) return;
        context.AddDeviations(stray);
        throw new StepFailedException($"{(stray.IsRestart ? "the module restarted:" : "unexpected URC")} {stray} {context.Circumstances(stray)}");
    }
}
