using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>A line that answers the pending command before its final result (e.g. <c>+CSQ: 31,99</c>).</summary>
public abstract record InformationResponse
{
    /// <summary>The line as a module speaking <paramref name="dialect"/> writes it.</summary>
    public abstract string Format(Dialect dialect);
}
