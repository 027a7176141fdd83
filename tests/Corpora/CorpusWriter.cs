using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Conformance.Corpora;

/// <summary>
/// Writes a corpus's bytes straight into one buffer (tens of MB: no intermediate strings) and counts the
/// frames the generator says it wrote.
/// </summary>
internal sealed class CorpusWriter(int size)
{
    private byte[] _bytes = new byte[size + 128 * 1024];
    private long _info, _final, _urc, _publish, _echo, _noise, _overflow;

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>Writes <paramref name="text"/>, formatted invariantly.</summary>
    /// <remarks>Empty: the handler writes each part into this writer while the string is interpolated.</remarks>
    public void Write([InterpolatedStringHandlerArgument("")] TextHandler text) { }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Free(bytes.Length));
        Length += bytes.Length;
    }

    public void Append(byte value)
    {
        Free(1)[0] = value;
        Length++;
    }

    public void Append(string text) => Length += Encoding.UTF8.GetBytes(text, Free(Encoding.UTF8.GetMaxByteCount(text.Length)));

    public void Append(int value)
    {
        value.TryFormat(Free(11), out var written, default, CultureInfo.InvariantCulture);
        Length += written;
    }

    /// <summary>Writes <paramref name="time"/> in <paramref name="format"/>, invariantly.</summary>
    public void Append(DateTime time, string format)
    {
        time.TryFormat(Free(64), out var written, format, CultureInfo.InvariantCulture);
        Length += written;
    }

    /// <summary>Records frames just written; <paramref name="publish"/> frames are URCs too.</summary>
    public void Count(int info = 0, int final = 0, int urc = 0, int publish = 0, int echo = 0, int noise = 0, int overflow = 0)
    {
        _info += info;
        _final += final;
        _urc += urc + publish;
        _publish += publish;
        _echo += echo;
        _noise += noise;
        _overflow += overflow;
    }

    public Corpus ToCorpus(CorpusKind kind) =>
        new(kind, _bytes[..Length], new FrameCounts(_info, _final, _urc, _publish, _echo, _noise, _overflow));

    /// <summary>The bytes written, for a corpus that is not module output alone.</summary>
    public byte[] ToArray() => _bytes[..Length];

    private Span<byte> Free(int atLeast)
    {
        if (_bytes.Length - Length < atLeast) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + atLeast));
        return _bytes.AsSpan(Length);
    }
}
