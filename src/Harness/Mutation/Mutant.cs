namespace Conformance.Harness.Mutation;

/// <summary>
/// One hand-written misbehaviour of the virtual module: on its AT side a <see cref="LineFilter"/> between the
/// module and the harness that drops, duplicates, reorders, delays or rewrites the lines it picks; on its MQTT
/// side a rewrite of the packets it sends the broker, or a packet it never sends, or reads wrong (see <see cref="PacketRewrites"/>).
/// </summary>
/// <param name="Name">Short kebab-case id, e.g. <c>drop-suback</c>.</param>
/// <param name="Description">What the mutated module does wrong, in one line.</param>
/// <param name="Section">The manual section the misbehaviour breaks.</param>
/// <param name="Kind">Semantic (must be killed) or format-only (killed only under <c>--strict</c>).</param>
/// <param name="NewFilter">A fresh filter per run: filters keep state (a held line, the last command); null for a mutant of the MQTT side.</param>
/// <param name="NewRewrite">A fresh rewrite of the packets per run (a rewrite may keep state: the packet ids it
/// changed); null for a mutant of the AT side.</param>
public sealed record Mutant(string Name, string Description, string Section, MutantKind Kind, Func<LineFilter>? NewFilter,
    Func<PacketRewrite>? NewRewrite = null)
{
    /// <summary>Where the module goes wrong: <c>AT</c> (the lines the host reads) or <c>MQTT</c> (the packets the broker gets).</summary>
    public string Side => NewRewrite is null ? "AT" : "MQTT";

    public override string ToString() => $"{Name} (§{Section})";
}
