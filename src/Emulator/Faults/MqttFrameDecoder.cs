namespace Conformance.Emulator.Faults;

/// <summary>
/// Cuts a byte stream into whole MQTT packets using only the fixed header (type byte + remaining length,
/// MQTT 3.1.1 §2.2.3), whatever chunks the bytes arrive in. No I/O.
/// </summary>
public sealed class MqttFrameDecoder
{
    private const int MaxLengthBytes = 4;
    private byte[] _buffer = new byte[256];
    private int _count;
    private long _consumed;

    /// <summary>Appends <paramref name="bytes"/> and returns every packet completed by them, in order.</summary>
    /// <exception cref="InvalidDataException">The remaining length takes more than 4 bytes.</exception>
    public List<byte[]> Feed(ReadOnlySpan<byte> bytes)
    {
        if (_count + bytes.Length > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + bytes.Length));
        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;

        var frames = new List<byte[]>();
        var start = 0;
        while (TryFrameLength(_buffer.AsSpan(start, _count - start), _consumed + start, out var length))
        {
            frames.Add(_buffer.AsSpan(start, length).ToArray());
            start += length;
        }
        _buffer.AsSpan(start, _count - start).CopyTo(_buffer);
        _count -= start;
        _consumed += start;
        return frames;
    }

    private static bool TryFrameLength(ReadOnlySpan<byte> data, long position, out int length)
    {
        length = 0;
        var remaining = 0;
        for (var i = 1; i <= MaxLengthBytes; i++)
        {
            if (i >= data.Length) return false;
            remaining |= (data[i] & 0x7F) << (7 * (i - 1));
            if ((data[i] & 0x80) == 0)
            {
                length = 1 + i + remaining;
                return data.Length >= length;
            }
        }
        throw new InvalidDataException(
            $"Remaining length of the packet at byte {position + 1} takes more than {MaxLengthBytes} bytes.");
    }
}
