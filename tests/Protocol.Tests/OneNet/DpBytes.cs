using System.Text;

namespace Conformance.Protocol.Tests.OneNet;

/// <summary>Builds payload bytes by hand, independent of the encoder under test.</summary>
internal static class DpBytes
{
    /// <summary>Hex header bytes followed by UTF-8 text.</summary>
    public static byte[] Of(string headerHex, string text = "") =>
        [.. Convert.FromHexString(headerHex.Replace(" ", "", StringComparison.Ordinal)), .. Encoding.UTF8.GetBytes(text)];

    /// <summary>The type byte, a 2-byte big-endian length and the UTF-8 text.</summary>
    public static byte[] LengthPrefixed(string headerHex, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        return Of($"{headerHex}{length:X4}", text);
    }
}
