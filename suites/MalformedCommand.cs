using Conformance.Protocol.Commands;

namespace Conformance.Suites;

/// <summary>A command line that breaks one of the manual's argument rules on purpose; the builders refuse to write one.</summary>
/// <param name="Text">The line as sent, without terminator.</param>
/// <param name="Section">The manual section whose rule it breaks.</param>
public sealed record MalformedCommand(string Text, string Section) : AtCommand
{
    public override string Name => Text[2..Text.IndexOf('=', StringComparison.Ordinal)];

    public override string Section { get; } = Section;

    public override string Format() => Text;
}
