using System.Runtime.CompilerServices;

namespace Conformance.Analyzer.Diagnostics;

/// <summary>
/// The message of a diagnostic, written by string interpolation only when <see cref="DiagnosticLog"/> keeps the
/// diagnostic: otherwise the holes are not even evaluated.
/// </summary>
[InterpolatedStringHandler]
public ref struct DiagnosticMessage
{
    private DefaultInterpolatedStringHandler _text;

    public DiagnosticMessage(int literalLength, int formattedCount, DiagnosticLog log, out bool shouldAppend)
    {
        IsWanted = shouldAppend = log.Keeps;
        _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    /// <summary>False when the diagnostic is only counted.</summary>
    public bool IsWanted { get; }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    public string ToStringAndClear() => _text.ToStringAndClear();
}
