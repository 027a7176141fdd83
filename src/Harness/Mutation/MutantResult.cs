using Conformance.Harness.Running;

namespace Conformance.Harness.Mutation;

/// <summary>How the selected scenarios fared against one mutant.</summary>
/// <param name="Mutant">The misbehaviour.</param>
/// <param name="Run">The scenarios as they ran against it.</param>
/// <param name="Kills">The scenarios that passed on the module as it is and failed on the mutant, with the failure.</param>
public sealed record MutantResult(Mutant Mutant, RunReport Run, IReadOnlyList<ScenarioResult> Kills)
{
    public bool Killed => Kills.Count > 0;

    /// <summary>Whether the suites should kill it: semantic mutants always, format-only ones only when strict.</summary>
    public bool MustDie(bool strict) => Mutant.Kind == MutantKind.Semantic || strict;

    /// <summary>Killed when it must die, survived when it must survive.</summary>
    public bool AsExpected(bool strict) => Killed == MustDie(strict);
}
