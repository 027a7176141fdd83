namespace Conformance.Harness.Dsl;

/// <summary>A packet id taken from one URC at run time and required of a later one (PUBREC's id in PUBCOMP).</summary>
public sealed class CapturedPacketId(string source)
{
    /// <summary>The URC the id is taken from, e.g. <c>+MQTTPUBREC</c>.</summary>
    public string Source { get; } = source;

    public int? Value { get; internal set; }

    public override string ToString() => Value is { } id ? $"{id} (from {Source})" : $"that of {Source}";
}
