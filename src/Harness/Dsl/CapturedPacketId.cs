namespace Conformance.Harness.Dsl;

/// <summary>A packet id taken from one URC at run time and required of a later one (PUBREC's id in PUBCOMP).</summary>
public sealed class CapturedPacketId
{
    public int? Value { get; internal set; }

    public override string ToString() => Value?.ToString() ?? "the captured packet id";
}
