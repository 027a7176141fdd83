using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Readers;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Secrets;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// A row of a CSV export or a JSON line that says its data is hex and holds text (<c>HEX,AT+CSQ</c>) or broken hex
/// (<c>HEX,41 54 2</c>): the reader keeps it as written, so nothing is lost, and this says so, quoting the data with its
/// secrets masked. Owns <c>row-not-hex</c>.
/// </summary>
internal sealed class HexRowRule(DiagnosticLog diagnostics, SecretMasker secrets) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.RowNotHex];

    // The most of the data the message quotes: enough to recognise the row, not a kilobyte publish.
    private const int Quoted = 40;

    /// <summary>A record holding <paramref name="row"/>, read as text.</summary>
    public void Read(TextInHexRow row) =>
        diagnostics.Report(DiagnosticCodes.RowNotHex, row.Line,
            $"line {row.Line} is marked hex but its data '{Shortened(secrets.Mask(row.Data))}' is not hex ({row.Fault}): read as text");

    // Masked first, then cut: a secret is never half shown.
    private static string Shortened(string data) => data.Length <= Quoted ? data : data[..Quoted] + "…";
}
