namespace Conformance.Analyzer.Readers;

/// <summary>
/// A row of a structured log (a CSV export, a JSON line) that says its data is hex and holds data that is not hex pairs
/// (<c>HEX,AT+CSQ</c>, <c>HEX,41 54 2</c>): it is read as text, as written, and the timeline says so.
/// </summary>
/// <param name="Line">The row's line in its file (the line of the record it is part of may be an earlier row's, where a hex packet went on in it).</param>
/// <param name="Data">The data as written (unmasked: whoever shows it masks it).</param>
/// <param name="Fault">What keeps it from being hex, in words that quote none of it (<see cref="HexCell.Fault"/>).</param>
public sealed record TextInHexRow(long Line, string Data, string Fault);
