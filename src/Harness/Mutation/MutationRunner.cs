using System.Diagnostics;
using Conformance.Harness.Running;

namespace Conformance.Harness.Mutation;

/// <summary>
/// Runs the scenarios once against the module as it is, then once per mutant, several mutants at a time (each
/// on its own module and clock), and builds the kill matrix.
/// </summary>
/// <param name="run">How one run is made (see <see cref="InProcessModule"/>).</param>
/// <param name="parallel">How many mutants run at once.</param>
/// <param name="finished">Hears about each mutant as it is done, for progress.</param>
public sealed class MutationRunner(ModuleRun run, int parallel, Action<MutantResult>? finished = null)
{
    /// <param name="mutants">The mutants to run the scenarios against.</param>
    /// <param name="select">Selects the scenarios, called once per run: a scenario holds the packet ids it captures
    /// while it runs, so runs at the same time must not share one (each gets the same list, in the same order).</param>
    /// <param name="strict">Whether findings fail a scenario.</param>
    /// <param name="cancel">Stops every run.</param>
    public async Task<MutationReport> RunAsync(IReadOnlyList<Mutant> mutants, Func<IReadOnlyList<SelectedScenario>> select, bool strict,
        CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var baseline = await run(null, select(), cancel);
        var results = new MutantResult[mutants.Count];
        var gate = new Lock();
        await Parallel.ForEachAsync(Enumerable.Range(0, mutants.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancel },
            async (index, token) =>
            {
                var report = await run(mutants[index], select(), token);
                var result = new MutantResult(mutants[index], report, MutationReport.KillsOf(baseline, report));
                results[index] = result;
                lock (gate) finished?.Invoke(result);
            });
        return new MutationReport(baseline, results, strict, clock.Elapsed);
    }
}
