namespace Conformance.Protocol.Responses;

/// <summary>A line that cannot be understood; caught at the public parse entry points and turned into a failed result.</summary>
internal sealed class ResponseFormatException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
