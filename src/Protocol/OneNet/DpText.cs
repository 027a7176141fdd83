using System.Buffers;
using System.Text.Unicode;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.OneNet;

/// <summary>Strict UTF-8 decoding that says at which byte the encoding breaks.</summary>
internal static class DpText
{
    /// <param name="bytes">The content.</param>
    /// <param name="offset">Where the content starts in the payload, so errors give payload offsets.</param>
    /// <param name="what">What the content is, for the error message: <c>JSON</c>, <c>text</c>.</param>
    public static ParseResult<string> Decode(ReadOnlySpan<byte> bytes, int offset, string what)
    {
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        return status == OperationStatus.Done
            ? ParseResult<string>.Ok(new string(chars, 0, written))
            : ParseResult<string>.Fail($"invalid UTF-8 in the {what} at offset {offset + read}", offset + read);
    }

    public static string Bytes(long count) => count == 1 ? "1 byte" : $"{count} bytes";
}
