using System.Text;
using System.Text.Unicode;

namespace Conformance.Protocol.Events;

/// <summary>
/// Decodes a line of traffic in the encoding it was written in: valid UTF-8 as UTF-8, anything else as GBK,
/// because Chinese tools and firmwares mix both in one stream.
/// </summary>
public static class LineText
{
    private static readonly Encoding Gbk = CreateGbk();

    /// <summary>The encoding <paramref name="bytes"/> are written in.</summary>
    public static Encoding EncodingOf(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes) ? Encoding.UTF8 : Gbk;

    /// <summary>The text of <paramref name="bytes"/>; the commonest line, <c>OK</c>, without a new string.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) =>
        bytes.SequenceEqual("OK"u8) ? "OK" : EncodingOf(bytes).GetString(bytes);

    private static Encoding CreateGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    }
}
