namespace Conformance.Harness.Mutation;

/// <summary>
/// One hand-written misbehaviour of the virtual module: a <see cref="LineFilter"/> between the module and the
/// harness that drops, duplicates, reorders, delays or rewrites the lines it picks.
/// </summary>
/// <param name="Name">Short kebab-case id, e.g. <c>drop-suback</c>.</param>
/// <param name="Description">What the mutated module does wrong, in one line.</param>
/// <param name="Section">The manual section the misbehaviour breaks.</param>
/// <param name="Kind">Semantic (must be killed) or format-only (killed only under <c>--strict</c>).</param>
/// <param name="NewFilter">A fresh filter per run: filters keep state (a held line, the last command).</param>
public sealed record Mutant(string Name, string Description, string Section, MutantKind Kind, Func<LineFilter> NewFilter)
{
    public override string ToString() => $"{Name} (§{Section})";
}
