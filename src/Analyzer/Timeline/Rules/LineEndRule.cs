using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Readers;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Events;
using Conformance.Protocol.Framing;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// Line ends of the module that are not the manual's CR LF: said once a log, with the first and the count, where the
/// log keeps the port's own line ends. Owns <c>line-end</c>.
/// </summary>
/// <remarks>
/// Only the line ends of the module's answers, results and URCs are judged: free text may be the logging tool's own
/// (minicom's banner), and an echo ends as the host typed it. The line end of a log's last line is not seen: no line
/// follows it (<see cref="AtTokenizer.LineEndBefore"/>).
/// </remarks>
internal sealed class LineEndRule : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.LineEnd];

    private readonly DiagnosticLog _diagnostics;
    private readonly bool _judged, _textUnlessCr;

    /// <summary>True when the log's format keeps the port's line ends, so they are judged.</summary>
    public bool Judges => _judged;
    private readonly LineEndTally _tally = new();
    private bool _afterModuleLine, _crSeen;

    /// <param name="diagnostics">Where the finding goes.</param>
    /// <param name="format">The log's format; null when unknown (then nothing is judged).</param>
    public LineEndRule(DiagnosticLog diagnostics, LogFormat? format)
    {
        _diagnostics = diagnostics;
        // The bytes as read (a raw capture, a trace), or written out byte for byte (hex dumps, a logic analyser's bytes,
        // socat's and Python's escapes, Docklight's <CR><LF>, a terminal's control names). The other formats end each line themselves (a stamp per
        // line): their line ends are the terminal's or the editor's, not the module's.
        _judged = format is LogFormat.Raw or LogFormat.Trace or LogFormat.HexDump or LogFormat.SscomHex or LogFormat.LogicCsv
            or LogFormat.Socat or LogFormat.PythonBytes or LogFormat.Docklight or LogFormat.ControlNames;
        // Raw is also what any unrecognised text is read as (a ticket, notes): text without a single CR, on either
        // side, was written by an editor, whose line ends say nothing of the port's.
        _textUnlessCr = format == LogFormat.Raw;
    }

    /// <summary>A record of the log, either side: a CR anywhere in a raw file (a host's CR LF, an empty line) says a port wrote it.</summary>
    public void Saw(ReadOnlySpan<byte> data)
    {
        if (_textUnlessCr && !_crSeen) _crSeen = data.Contains((byte)'\r');
    }

    /// <summary>An event of the module, read before <paramref name="offsets"/> is asked where the event is (it only goes forward).</summary>
    public void Read(AtEvent atEvent, OffsetMap offsets)
    {
        var before = atEvent.LineEndBefore;
        _crSeen |= before is LineEnd.CrLf or LineEnd.Cr or LineEnd.CrCrLf;
        if (_judged && _afterModuleLine && LineEndTally.Deviates(before)) _tally.Add(before, offsets.At(atEvent.LineEndOffset).Line);
        _afterModuleLine = atEvent.Kind is AtEventKind.Information or AtEventKind.Final or AtEventKind.Urc;
    }

    /// <summary>The log ended: what was counted is said, at the first.</summary>
    public void Complete()
    {
        if (_tally.Count > 0 && (_crSeen || !_textUnlessCr))
            _diagnostics.Report(DiagnosticCodes.LineEnd, _tally.FirstLine, _tally.Describe("ends this line"));
    }
}
