using System.Text;

namespace Conformance.Protocol.Events;

/// <summary>
/// The text of the short lines a module repeats word for word (<c>+MQTTPINGRSP: OK</c>, <c>+CSQ: 20,99</c>,
/// <c>+MQTTSTAT: 5</c>), decoded once and handed out again: most lines of a log then cost no new string.
/// </summary>
/// <remarks>
/// One slot per hash of the bytes, the newest line wins it: a line that never repeats (a packet id) only evicts,
/// and memory stays fixed however many distinct lines a log has.
/// </remarks>
public sealed class RecentLines
{
    private const int Slots = 128;   // a power of two
    private const int MaxLength = 40;

    private readonly string?[] _texts = new string?[Slots];

    /// <summary>The text of <paramref name="bytes"/>, as <see cref="LineText.Decode"/> reads it.</summary>
    public string Decode(ReadOnlySpan<byte> bytes)
    {
        // Only ASCII is kept: then a byte is a character, and the comparison below needs no decoding.
        if (bytes.Length is 0 or > MaxLength) return LineText.Decode(bytes);
        var hash = new HashCode();
        hash.AddBytes(bytes);
        ref var slot = ref _texts[hash.ToHashCode() & (Slots - 1)];
        if (slot is { } known && known.Length == bytes.Length && Ascii.Equals(bytes, known)) return known;
        var text = LineText.Decode(bytes);
        if (Ascii.IsValid(bytes)) slot = text;
        return text;
    }
}
