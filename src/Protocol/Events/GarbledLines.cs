using System.Text;

namespace Conformance.Protocol.Events;

/// <summary>
/// Finds the lines of module output that are not text (<see cref="GarbledBytes"/>): a module read at another baud
/// rate, a loose wire, a module booting at another rate. One judgement for every consumer of events: the analyzer's
/// timeline, whatever the log's format, and a run's session.
/// </summary>
/// <remarks>
/// <para>The tokenizer reads a line that starts with bytes no text starts with as two events: those bytes
/// (<see cref="AtEventKind.Noise"/>), then the rest of the line. Both are judged as the one line they are.</para>
/// <para>A line is garbled when at least <see cref="MinBytes"/> of its bytes are not text and they are at least a
/// quarter of it. Two kinds of line are not, though their bytes would say so: a few noise bytes before a line of
/// text (<c>\xFF\xFFOK</c>: power-up noise, the line still read), and a line of noise alone unless it is
/// <see cref="MinNoise"/> bytes or more of at least three values (power-up writes a run of one or two: <c>00 00 00</c>,
/// <c>FF FF</c>). A publish's message is not a line: binary payloads are never judged.</para>
/// </remarks>
/// <typeparam name="TWhere">Where an event was read (a line of the log, of the trace), given back with its garbled line.</typeparam>
public sealed class GarbledLines<TWhere>
{
    /// <summary>Bytes of a line that are not text before it can be garbled.</summary>
    public const int MinBytes = 3;

    /// <summary>Bytes a line of noise alone holds before it can be garbled.</summary>
    public const int MinNoise = 8;

    /// <summary>Bytes of the first garbled line a report shows.</summary>
    public const int Shown = 4;

    // The noise that began a line whose rest has not been read yet.
    private byte[]? _noise;
    private long _noiseEnd;
    private TWhere _noiseAt = default!;

    /// <summary>
    /// True for an event that is a line of text with no noise held before it: nearly every event, which then need not be
    /// <see cref="Read"/> (nothing is held or counted for it).
    /// </summary>
    public bool IsPlainText(AtEvent atEvent) =>
        _noise is null && atEvent.Kind is not (AtEventKind.Noise or AtEventKind.Overflow or AtEventKind.Prompt) && atEvent.IsUtf8 && GarbledBytes.In(atEvent.Text) == 0;

    /// <summary>
    /// Reads the module's next event; returns how many lines it showed garbled (0, 1, or 2: a line of noise alone
    /// before it, known only now, and its own), the first of them in <paramref name="first"/> (where it began and its
    /// bytes).
    /// </summary>
    public int Read(AtEvent atEvent, TWhere at, out (TWhere At, byte[] Bytes) first)
    {
        if (atEvent.Kind == AtEventKind.Noise)
        {
            var before = NoiseAlone(atEvent.Offset, out first);
            // Noise right after noise (a run longer than a frame) is one run.
            if (_noise is not null) _noise = [.. _noise, .. atEvent.Raw];
            else (_noise, _noiseAt) = (atEvent.Raw, at);
            _noiseEnd = atEvent.Offset + atEvent.Length;
            return before ? 1 : 0;
        }
        if (atEvent.Kind is AtEventKind.Overflow or AtEventKind.Prompt) return NoiseAlone(long.MaxValue, out first) ? 1 : 0;
        first = default;
        // Nearly every line: text, no noise before it.
        if (_noise is null && atEvent.IsUtf8 && GarbledBytes.In(atEvent.Text) == 0) return 0;
        if (NoiseAlone(atEvent.Offset, out first)) return Judge(atEvent, at, out _) ? 2 : 1;
        return Judge(atEvent, at, out first) ? 1 : 0;
    }

    /// <summary>
    /// What a report says of <paramref name="count"/> garbled lines, the first at <paramref name="where"/> (<c>line 7</c>,
    /// <c>trace line 7</c>) of <paramref name="bytes"/> (masked by the caller's secret policy).
    /// </summary>
    public static string Describe(long count, string where, ReadOnlySpan<byte> bytes)
    {
        var shown = string.Join(" ", bytes[..Math.Min(Shown, bytes.Length)].ToArray().Select(b => $"0x{b:X2}")) + (bytes.Length > Shown ? " …" : "");
        var lines = count == 1 ? $"at {where}" : $"at {count} lines, the first at {where}";
        return $"the module's output is not text {lines} ({shown}): a baud rate other than the module's, or noise on the line";
    }

    /// <summary>The module's output ended: a line of noise alone that was last is judged; true when garbled.</summary>
    public bool Complete(out (TWhere At, byte[] Bytes) line) => NoiseAlone(long.MaxValue, out line);

    // The noise held, when the next event does not continue its line: a line of its own.
    private bool NoiseAlone(long next, out (TWhere At, byte[] Bytes) line)
    {
        line = default;
        if (_noise is not { } noise || next == _noiseEnd) return false;
        _noise = null;
        if (noise.Length < MinNoise || !ThreeValues(noise)) return false;
        line = (_noiseAt, noise);
        return true;
    }

    // A line of text, after the noise that began it if any.
    private bool Judge(AtEvent atEvent, TWhere at, out (TWhere At, byte[] Bytes) line)
    {
        line = default;
        var noise = _noise ?? [];
        var start = _noise is null ? at : _noiseAt;
        _noise = null;
        var text = atEvent.IsUtf8 ? GarbledBytes.In(atEvent.Text) : GarbledBytes.In(atEvent.Raw);
        // Noise before a line of text (two letters or digits, nothing else amiss): the line is read, the noise is noise.
        if (text == 0 && (noise.Length == 0 || GarbledBytes.Alphanumerics(atEvent.Text) >= 2)) return false;
        var notText = noise.Length + text;
        var length = noise.Length + (atEvent.IsUtf8 ? Encoding.UTF8.GetByteCount(atEvent.Text) : atEvent.Raw.Length);
        if (notText < MinBytes || notText * 4 < length) return false;
        line = (start, [.. noise, .. atEvent.Raw]);
        return true;
    }

    // Power-up noise repeats a value or two; noise of a wrong baud rate has more.
    private static bool ThreeValues(byte[] noise)
    {
        var (first, second) = (noise[0], noise[0]);
        foreach (var b in noise)
        {
            if (b == first || b == second) continue;
            if (first == second) second = b;
            else return true;
        }
        return false;
    }
}
