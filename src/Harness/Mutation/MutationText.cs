using System.Globalization;

namespace Conformance.Harness.Mutation;

/// <summary>The kill matrix as text: a row per mutant, a column per scenario, then the score and what nobody checks.</summary>
public static class MutationText
{
    public static void Write(MutationReport report, TextWriter writer)
    {
        var scenarios = report.Scenarios;
        var name = Math.Max(6, report.Mutants.Select(m => m.Mutant.Name.Length).DefaultIfEmpty().Max());
        var left = new string(' ', name + 17);   // name, section, kind, each with its space
        writer.WriteLine($"Kill matrix: {report.Mutants.Count} mutants x {scenarios.Count} scenarios " +
                         "(X killed, . survived, - not run, / not judged: fails on the module as it is)");
        // Scenario numbers written downwards, one digit per row.
        var numbers = Enumerable.Range(1, scenarios.Count).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
        var digits = numbers.Max(n => n.Length);
        for (var row = 0; row < digits; row++)
            writer.WriteLine(left + string.Concat(numbers.Select(n => n.PadLeft(digits)[row])));
        foreach (var mutant in report.Mutants)
        {
            var cells = string.Concat(Enumerable.Range(0, scenarios.Count).Select(i => Symbol(report.At(mutant, i))));
            var kind = mutant.Mutant.Kind == MutantKind.Semantic ? "semantic" : "format";
            writer.WriteLine($"{mutant.Mutant.Name.PadRight(name)} {("§" + mutant.Mutant.Section),-6} {kind,-8} {cells}");
        }
        writer.WriteLine();
        writer.WriteLine("Scenarios:");
        for (var i = 0; i < scenarios.Count; i++)
            writer.WriteLine($"{numbers[i].PadLeft(digits + 2)} {scenarios[i].Title}{(report.NotJudged.Contains(scenarios[i]) ? $" (not judged: {scenarios[i].Outcome.ToString().ToLowerInvariant()} on the module as it is)" : "")}");
        writer.WriteLine();
        var semantic = report.Mutants.Where(m => m.Mutant.Kind == MutantKind.Semantic).ToList();
        var format = report.Mutants.Where(m => m.Mutant.Kind == MutantKind.FormatOnly).ToList();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Score: {report.Score:P1}: {semantic.Count(m => m.Killed)}/{semantic.Count} semantic mutants killed, " +
            $"{format.Count(m => m.Killed)}/{format.Count} format-only mutants killed ({(report.Strict ? "--strict: they must die" : "they must survive without --strict")})"));
        var wrong = report.Mutants.Where(m => !m.AsExpected(report.Strict)).ToList();
        if (wrong.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine(wrong.Any(m => !m.Killed) ? "Not checked by any scenario:" : "Not as expected:");
            foreach (var m in wrong)
                writer.WriteLine($"  {m.Mutant.Name} (§{m.Mutant.Section}, {m.Mutant.Description}): {m.Verdict(report.Strict)}");
        }
        writer.WriteLine();
        writer.WriteLine(report.Passed
            ? $"PASS: every mutant that must die is killed{(report.Strict ? "" : ", and no format-only mutant is")} ({report.Duration.TotalSeconds:0} s)"
            : $"FAIL: {wrong.Count} mutant(s) not as expected ({report.Duration.TotalSeconds:0} s)");
    }

    private static char Symbol(MutationReport.Cell cell) => cell switch
    {
        MutationReport.Cell.Killed => 'X',
        MutationReport.Cell.Survived => '.',
        MutationReport.Cell.NotRun => '-',
        _ => '/',
    };
}
