namespace Conformance.Analyzer.Comparison;

/// <summary>Two logs side by side (e.g. old against new firmware): response times per command, and what only one of them shows.</summary>
/// <param name="UrcsOnlyInA">URC names that log A received and B never did.</param>
/// <param name="DiagnosticsOnlyInA">Diagnostic codes raised on A and not on B.</param>
public sealed record LogComparison(
    IReadOnlyList<CommandComparison> Commands,
    IReadOnlyList<string> UrcsOnlyInA, IReadOnlyList<string> UrcsOnlyInB,
    IReadOnlyList<string> DiagnosticsOnlyInA, IReadOnlyList<string> DiagnosticsOnlyInB)
{
    /// <summary>The device compared, of logs of several (<c>ttyUSB1</c>); null for logs of one.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string? Channel { get; init; }
}
