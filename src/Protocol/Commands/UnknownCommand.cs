using Conformance.Protocol.Families;

namespace Conformance.Protocol.Commands;

/// <summary>A command line outside this catalog (<c>AT+FOO</c>, <c>ATX</c>); the module answers it with ERROR.</summary>
/// <param name="Text">The line as sent, without terminator.</param>
public sealed record UnknownCommand(string Text) : AtCommand
{
    /// <summary>The other vendor's MQTT command set the line belongs to (<c>AT+QMTOPEN</c>: Quectel); null when none is known.</summary>
    public ModuleFamily? Family { get; init; }

    public override string Name => Syntax.CommandLine.Parse(Text)?.Name ?? "";

    public override string Section => "";

    public override string Format() => Text;
}
