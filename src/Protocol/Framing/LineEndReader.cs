namespace Conformance.Protocol.Framing;

/// <summary>
/// Reads the line ends between frames one byte at a time, so a line end split over chunks (<c>\r</c> at the end of
/// one, <c>\n</c> at the start of the next) is read as when it came whole. A frame is handed out at the first byte of
/// its line end (a module that ends lines with <c>\r</c> alone must not be kept waiting), so what its line end was is
/// known only when the next frame begins: each frame carries the line ends before it.
/// </summary>
/// <remarks>
/// <c>\r\r\n</c> is one line end, <c>\r\r</c> before text two. A command line the module repeats (its echo) ends as
/// the host typed it: its own line end is the host's, not judged (<c>AT\r</c> then <c>\r\nOK</c> is no <c>\r\r\n</c>).
/// </remarks>
internal struct LineEndReader
{
    private int _crs;            // CRs of the line end being read: 0, 1 or 2
    private long _crAt;          // stream offset of its first CR
    private bool _hostsEnd;      // the line end being read ends an echo
    private LineEnd _seen;       // since the last frame: the first line end not CR LF, else CR LF; None when none came
    private long _seenAt;

    /// <summary>The line just read repeats a command line: its line end is the host's.</summary>
    public void EndsEcho() => _hostsEnd = true;

    /// <summary>Reads the CR and LF bytes of <paramref name="bytes"/> (others are not line ends: a prompt's space), the first at <paramref name="offset"/>.</summary>
    public void Read(ReadOnlySpan<byte> bytes, long offset)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is (byte)'\r' or (byte)'\n') Read(bytes[i], offset + i);
        }
    }

    /// <summary>Reads one line-end byte, CR or LF, at stream offset <paramref name="offset"/>.</summary>
    public void Read(byte b, long offset)
    {
        if (b == (byte)'\n')
        {
            if (_crs == 0) End(LineEnd.Lf, offset);
            else End(_crs == 1 ? LineEnd.CrLf : LineEnd.CrCrLf, _crAt);
            _crs = 0;
            return;
        }
        if (_crs == 0) (_crs, _crAt) = (1, offset);
        else if (_crs == 1 && !_hostsEnd) _crs = 2;
        else
        {
            // The first CR cannot start a CR CR LF any more: it ended a line alone.
            End(LineEnd.Cr, _crAt);
            _crAt = _crs == 2 ? _crAt + 1 : offset;
        }
    }

    /// <summary>Text begins (a frame, or a message on the line after its header): the CRs read so far ended lines alone.</summary>
    public void TextBegins()
    {
        if (_crs > 0) End(LineEnd.Cr, _crAt);
        (_crs, _hostsEnd) = (0, false);
    }

    /// <summary>A frame begins: returns the line ends since the last frame.</summary>
    public LineEnd FrameBegins(out long offset)
    {
        TextBegins();
        var seen = _seen;
        offset = _seenAt;
        _seen = LineEnd.None;
        return seen;
    }

    private void End(LineEnd kind, long offset)
    {
        if (_hostsEnd)
        {
            _hostsEnd = false;
            return;
        }
        if (_seen == LineEnd.None || _seen == LineEnd.CrLf && kind != LineEnd.CrLf) (_seen, _seenAt) = (kind, offset);
    }

    /// <summary>True for a line the module repeats from the host: a command line (<c>AT…</c>, any case) or a frame read as the echo.</summary>
    public static bool IsEcho(ReadOnlySpan<byte> text, FrameKind kind) =>
        kind == FrameKind.Echo || text.Length >= 2 && (text[0] | 0x20) == 'a' && (text[1] | 0x20) == 't';
}
