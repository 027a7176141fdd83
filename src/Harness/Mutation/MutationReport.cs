using Conformance.Harness.Running;

namespace Conformance.Harness.Mutation;

/// <summary>
/// The kill matrix: every mutant against every selected scenario. Only scenarios that pass on the module as it is
/// (the baseline) can kill; a scenario failing there is reported and not judged.
/// </summary>
public sealed record MutationReport(RunReport Baseline, IReadOnlyList<MutantResult> Mutants, bool Strict, TimeSpan Duration)
{
    public IReadOnlyList<ScenarioResult> Scenarios => Baseline.Scenarios;

    /// <summary>Scenarios that do not pass on the unmutated module: they cannot tell a mutant from it.</summary>
    public IReadOnlyList<ScenarioResult> NotJudged => [.. Scenarios.Where(s => s.Outcome != Outcome.Passed)];

    public int KilledCount => Mutants.Count(m => m.Killed);

    /// <summary>Killed mutants among those that must die, as a fraction (1 when none must).</summary>
    public double Score
    {
        get
        {
            var mustDie = Mutants.Where(m => m.MustDie(Strict)).ToList();
            return mustDie.Count == 0 ? 1 : (double)mustDie.Count(m => m.Killed) / mustDie.Count;
        }
    }

    /// <summary>Every semantic mutant killed, and format-only ones killed exactly when strict.</summary>
    public bool Passed => Mutants.All(m => m.AsExpected(Strict));

    /// <summary>What a cell of the matrix says about <paramref name="mutant"/> and scenario <paramref name="index"/>.</summary>
    public Cell At(MutantResult mutant, int index)
    {
        if (Scenarios[index].Outcome != Outcome.Passed) return Cell.NotJudged;
        var outcome = index < mutant.Run.Scenarios.Count ? mutant.Run.Scenarios[index].Outcome : Outcome.NotRun;
        return outcome switch
        {
            Outcome.Failed or Outcome.Error => Cell.Killed,
            Outcome.Passed => Cell.Survived,
            _ => Cell.NotRun,
        };
    }

    /// <summary>The mutant's run against the baseline: the scenarios that passed there and fail here.</summary>
    public static IReadOnlyList<ScenarioResult> KillsOf(RunReport baseline, RunReport mutated) =>
        [.. baseline.Scenarios.Zip(mutated.Scenarios)
            .Where(pair => pair.First.Outcome == Outcome.Passed && pair.Second.Outcome is Outcome.Failed or Outcome.Error)
            .Select(pair => pair.Second)];

    public enum Cell { Killed, Survived, NotRun, NotJudged }
}
