using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Interpretation;

/// <summary>
/// What one frame means: a typed value (<c>FinalResult</c>, <c>InformationResponse</c>, <c>Urc</c>, or the
/// echoed <c>AtCommand</c>), its deviations from the manual, or why it could not be understood.
/// </summary>
public sealed record Interpretation(object? Value, IReadOnlyList<Deviation> Deviations, string? Error = null, int ErrorPosition = -1)
{
    public static readonly Interpretation None = new(null, []);

    internal static Interpretation From<T>(ParseResult<T> result) where T : class =>
        new(result.Value, result.Deviations, result.Error, result.ErrorPosition);
}
