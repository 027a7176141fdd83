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

    /// <summary>What the result means for the suites, in one line.</summary>
    public string Verdict(bool strict) => (Killed, MustDie(strict)) switch
    {
        (true, true) => $"killed by {Kills.Count} scenario(s)",
        (false, false) => "survived: only the form differs",
        (false, true) => $"survived: no scenario checks §{Mutant.Section} for this",
        (true, false) => $"killed by {Kills[0].Title} although only the form differs: {Kills[0].Message}",
    };
}
