using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Framing;

/// <summary>Recognises the final result codes that end a command (spec §1).</summary>
internal static class FinalResults
{
    public static FinalResultKind? Match(ReadOnlySpan<byte> line, out int errorCode)
    {
        errorCode = -1;
        // Most lines are URCs: one look at the first byte rules them out.
        if (line.IsEmpty || line[0] is not ((byte)'O' or (byte)'E' or (byte)'+')) return null;
        // Spaces or tabs after the code still end the command (reported as trailing-space when read).
        var whole = line.TrimEnd(" \t"u8);
        if (whole.SequenceEqual("OK"u8)) return FinalResultKind.Ok;
        if (whole.SequenceEqual("ERROR"u8)) return FinalResultKind.Error;
        if (!line.StartsWith("+CME ERROR"u8)) return null;
        var rest = line["+CME ERROR"u8.Length..];
        if (rest.Length == 0 || rest[0] != ':') return null;
        rest = rest[1..].Trim((byte)' ');
        if (rest.Length is > 0 and <= 9)
        {
            var code = 0;
            foreach (var b in rest)
            {
                if (b is < (byte)'0' or > (byte)'9') return FinalResultKind.CmeError;  // verbose text form
                code = code * 10 + (b - '0');
            }
            errorCode = code;
        }
        return FinalResultKind.CmeError;
    }
}
