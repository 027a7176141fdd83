using System.Globalization;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.OneNet;

/// <summary>The hex text of an <c>AT+MQTTPUB</c> message whose message_len is above 0 (manual §1.5).</summary>
public static class DpHex
{
    /// <summary>The bytes <paramref name="hex"/> spells; either case of digit is accepted.</summary>
    /// <returns>An error naming the first non-hex character (1-based in the message, 0-based in ErrorPosition) or an odd length.</returns>
    public static ParseResult<byte[]> Parse(string hex)
    {
        for (var i = 0; i < hex.Length; i++)
        {
            if (!char.IsAsciiHexDigit(hex[i]))
                return ParseResult<byte[]>.Fail($"'{hex[i]}' at character {i + 1} is not a hex digit", i);
        }
        if (hex.Length % 2 != 0)
            return ParseResult<byte[]>.Fail(
                $"odd number of hex digits ({hex.Length}): the last byte at character {hex.Length} has one digit", hex.Length - 1);
        return ParseResult<byte[]>.Ok(Convert.FromHexString(hex));
    }

    /// <summary>As <see cref="Parse(string)"/>, and checks that message_len is the number of bytes, i.e. half the hex length.</summary>
    public static ParseResult<byte[]> Parse(string hex, int messageLength)
    {
        var bytes = Parse(hex);
        if (bytes.Value is { } value && value.Length != messageLength)
            return ParseResult<byte[]>.Fail(
                $"message_len is {messageLength.ToString(CultureInfo.InvariantCulture)}, but the hex encodes {DpText.Bytes(value.Length)}");
        return bytes;
    }

    /// <summary>Uppercase hex, two digits per byte, as written in <c>AT+MQTTPUB</c>.</summary>
    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
