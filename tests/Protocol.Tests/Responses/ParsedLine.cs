using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Tests.Responses;

/// <summary>One parsed line as it appears in a snapshot: the input, the typed value, and what was found.</summary>
internal sealed record ParsedLine(string Line, string? Type, object? Value, string[] Deviations, string? Error, int ErrorPosition)
{
    public static ParsedLine Of<T>(string line, ParseResult<T> result) where T : class =>
        new(line, result.Value?.GetType().Name, result.Value, Codes(result), result.Error, result.ErrorPosition);

    /// <summary>The deviation codes, comma-separated, for compact assertions.</summary>
    public static string CodeList<T>(ParseResult<T> result) where T : class =>
        string.Join(",", result.Deviations.Select(d => d.Code));

    public static string[] Codes<T>(ParseResult<T> result) where T : class =>
        [.. result.Deviations.Select(d => $"{d.Code} §{d.Section}")];
}
