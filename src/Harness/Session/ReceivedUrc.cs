using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Session;

/// <summary>A URC as it arrived: its text, the typed value (null when it could not be parsed), when, and where in the trace.</summary>
public sealed record ReceivedUrc(string Text, ParseResult<Urc> Parsed, DateTimeOffset Time, int TraceLine)
{
    public Urc? Value => Parsed.Value;

    public override string ToString() => $"'{Text}' (trace line {TraceLine})";
}
