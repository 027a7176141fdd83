namespace Conformance.Harness.Dsl;

/// <summary>
/// Listens for a quiet period and fails on any URC of this scenario no step has taken: an unexpected or
/// duplicated URC, whether it came before the step began or during it. URCs left over from the scenario
/// before are not this one's fault; they are reported as findings.
/// </summary>
public sealed class NoOtherUrcsStep(TimeSpan quiet) : Step
{
    public override string Description => $"expect no other URC within {quiet.TotalSeconds:0.###} s";

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        var stray = await context.Session.WaitForUrcAsync(u => u.TraceLine > context.StartLine, quiet, cancel);
        if (stray is null) return;
        context.AddDeviations(stray);
        throw new StepFailedException($"unexpected URC {stray} {context.Circumstances(stray)}");
    }
}
