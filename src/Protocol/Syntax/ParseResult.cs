namespace Conformance.Protocol.Syntax;

/// <summary>
/// The outcome of parsing one line into a typed value: the value and its deviations from the manual,
/// or an error that says what is wrong and at which character.
/// </summary>
public sealed record ParseResult<T> where T : class
{
    public T? Value { get; init; }
    public IReadOnlyList<Deviation> Deviations { get; init; } = [];
    public string? Error { get; init; }
    /// <summary>Zero-based character position of the error within the parsed text; -1 when not applicable.</summary>
    public int ErrorPosition { get; init; } = -1;

    public bool Success => Value is not null;

    public static ParseResult<T> Ok(T value, IReadOnlyList<Deviation>? deviations = null) =>
        new() { Value = value, Deviations = deviations ?? [] };

    public static ParseResult<T> Fail(string error, int position = -1) =>
        new() { Error = error, ErrorPosition = position };

    /// <summary>The value, or an exception carrying the parse error.</summary>
    public T Unwrap() => Value ?? throw new FormatException(
        ErrorPosition >= 0 ? $"{Error} (at character {ErrorPosition + 1})" : Error);
}
