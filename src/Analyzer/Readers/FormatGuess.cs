namespace Conformance.Analyzer.Readers;

/// <summary>
/// The outcome of format detection: the best format, how sure (0..1), the runner-up, and every format's score.
/// </summary>
/// <param name="Format">The format that fits best (raw when none fits).</param>
/// <param name="Confidence">The best score minus half the runner-up's: high when one format fits and no other does.</param>
/// <param name="RunnerUp">The second best format.</param>
/// <param name="Scores">Each format's score, 0..1.</param>
public sealed record FormatGuess(LogFormat Format, double Confidence, LogFormat RunnerUp, IReadOnlyDictionary<LogFormat, double> Scores)
{
    public double Score => Scores[Format];
    public double RunnerUpScore => Scores[RunnerUp];

    /// <summary>A comment prefix every line was pasted with (<c># </c>, <c>// </c>), to leave out before reading; empty when none.</summary>
    public string CommentPrefix { get; init; } = "";

    /// <summary>Every line was pasted with its line number before it (<c>12| AT</c>), to leave out before reading.</summary>
    public bool NumberedLines { get; init; }

    /// <summary>The width a screen scrape padded every line to with spaces (<see cref="ScreenWidth"/>), read without them; 0 when none.</summary>
    public int PaddedWidth { get; init; }

    /// <summary>Each line's CR is shown as <c>^M</c> at its end (<see cref="CaretLineEnd"/>), read as that CR.</summary>
    public bool CaretLineEnds { get; init; }
}
