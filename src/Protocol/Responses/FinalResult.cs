using Conformance.Protocol.Codes;
using Conformance.Protocol.Errors;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>The line that completes a command: <c>OK</c>, <c>ERROR</c> or <c>+CME ERROR: &lt;n&gt;</c> (spec §1).</summary>
/// <param name="Kind">Which of the three.</param>
/// <param name="ErrorCode">The CME code; for the verbose form, the code whose meaning matches the text, if any.</param>
/// <param name="ErrorText">The verbose form's text (<c>+CME ERROR: operation not allowed</c>); null for the numeric form.</param>
public sealed partial record FinalResult(FinalResultKind Kind, int? ErrorCode = null, string? ErrorText = null)
{
    private const string CmePrefix = "+CME ERROR:";

    /// <summary>What the error code means, for a <c>+CME ERROR</c> with a known or numeric code.</summary>
    public CmeError? Error => ErrorCode is int code ? CmeErrors.Describe(code) : null;

    /// <summary>True for the three forms a final result can take; the tokenizer uses this to end a command.</summary>
    public static bool IsFinalResult(ReadOnlySpan<byte> line) =>
        Framing.FinalResults.Match(line, out _) != null;

    /// <summary>Parses a final result line; a missing space after the colon, or spaces after the line, are deviations.</summary>
    public static ParseResult<FinalResult> Parse(string line)
    {
        var deviations = new List<Deviation>();
        var padded = line.TrimEnd(' ', '\t');
        if (padded.Length < line.Length && (padded is "OK" or "ERROR" || padded.StartsWith(CmePrefix, StringComparison.Ordinal) && padded.Length > CmePrefix.Length))
        {
            line = padded;
            deviations.Add(Deviation.Of(CodeList.TrailingSpace, $"spaces after '{line}'; the manual's line ends at its last character"));
        }
        if (line == "OK") return ParseResult<FinalResult>.Ok(new FinalResult(FinalResultKind.Ok), deviations);
        if (line == "ERROR") return ParseResult<FinalResult>.Ok(new FinalResult(FinalResultKind.Error), deviations);
        if (!line.StartsWith(CmePrefix, StringComparison.Ordinal))
            return ParseResult<FinalResult>.Fail("not a final result: expected OK, ERROR or +CME ERROR:", 0);

        if (line.Length > CmePrefix.Length && line[CmePrefix.Length] != ' ')
            deviations.Add(Deviation.Of(CodeList.NoSpaceAfterColon,
                "no space after '+CME ERROR:'; the manual writes '+CME ERROR: <n>'", "1.7"));
        var text = line[CmePrefix.Length..].Trim();
        if (text.Length == 0) return ParseResult<FinalResult>.Fail("+CME ERROR has no code", line.Length);

        // A note someone wrote after the code (`+CME ERROR: 651   (instance exists)`) is theirs: the code is the module's.
        if (Annotated().Match(text) is { Success: true } annotated) text = annotated.Groups[1].Value;
        var result = int.TryParse(text, System.Globalization.NumberStyles.None, null, out var code)
            ? new FinalResult(FinalResultKind.CmeError, code)
            : new FinalResult(FinalResultKind.CmeError, CmeErrors.FindByMeaning(text)?.Code, text);
        return ParseResult<FinalResult>.Ok(result, deviations);
    }

    /// <summary>
    /// The result as one form for counting: <c>OK</c>, <c>ERROR</c>, <c>+CME ERROR: n</c> however the code was written (no space
    /// after the colon, a note after it, or the text of a known code); the text of a code not known.
    /// </summary>
    public string Outcome() => Kind switch
    {
        FinalResultKind.Ok => "OK",
        FinalResultKind.Error => "ERROR",
        _ => "+CME ERROR: " + (ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ErrorText),
    };

    /// <summary>What a final result after <c>ATV0</c> says as a number: <c>0</c> is OK and <c>4</c> ERROR; null for any other line.</summary>
    public static FinalResultKind? Numeric(string text) => text switch
    {
        "0" => FinalResultKind.Ok,
        "4" => FinalResultKind.Error,
        _ => null,
    };

    /// <summary>A final result line as received, in its form for counting (<see cref="Outcome()"/>); the line itself when it is none.</summary>
    public static string OutcomeOf(string line) =>
        Numeric(line) is { } numeric ? new FinalResult(numeric).Outcome() : Parse(line) is { Success: true, Value: { } result } ? result.Outcome() : line;

    /// <summary>The line as a module speaking <paramref name="dialect"/> writes it.</summary>
    public string Format(Dialect dialect) => Kind switch
    {
        FinalResultKind.Ok => "OK",
        FinalResultKind.Error => "ERROR",
        _ => ResponseText.Line("+CME ERROR", dialect, ErrorText ?? ErrorCode?.ToString() ?? ""),
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,5})\s+[(（]")]
    private static partial System.Text.RegularExpressions.Regex Annotated();
}
