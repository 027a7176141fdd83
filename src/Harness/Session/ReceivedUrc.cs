using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Session;

/// <summary>A URC as it arrived: its text, the typed value (null when it could not be parsed), when, and where in the trace.</summary>
public sealed record ReceivedUrc(string Text, ParseResult<Urc> Parsed, DateTimeOffset Time, int TraceLine)
{
    public Urc? Value => Parsed.Value;

    /// <summary>True for a restart banner (<c>REBOOT_CAUSE_…</c>, <c>RDY</c>): the session reports it as the restart.</summary>
    public bool IsRestart { get; init; }

    public override string ToString() => $"'{Text}' (trace line {TraceLine})";
}
