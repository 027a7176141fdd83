using System.Text;

namespace Conformance.Fuzz.Tests.Engine;

/// <summary>One edit of a seed, chosen by three random numbers: flip, insert, delete, repeat, splice or truncate.</summary>
public readonly record struct Mutation(int Op, uint A, uint B)
{
    public const int Ops = 10;

    // Bytes that mean something to a line reader, a field splitter or a decoder.
    private static readonly byte[] Interesting = [0x00, 0xFF, (byte)'\r', (byte)'\n', (byte)'"', (byte)',', (byte)':', (byte)'+', (byte)'>',
        0x1B, 0x80, 0xC3, (byte)'\\', (byte)'$', (byte)' ', (byte)'=', (byte)'?', (byte)'[', (byte)']', 0x08, (byte)'#', (byte)'.', (byte)'\''];

    // Pieces of the protocol and of the log formats, and numbers at the edges of their types.
    private static readonly byte[][] Tokens = [.. new[]
    {
        "\r\n", "\r\r\n", "+MQTTPUBLISH: 0,0,0,0,t,", "+MQTTPUBLISH:0,1,0,7,\"dev/gsm/u\",5,", "4294967296", "-1", "99999999999999999999",
        "65535", "2147483648", "\"", ",,", "AT+MQTTCFG=", "AT+MQTTPUB=$dp,0,0,0,", "+CME ERROR: ", "OK\r\n", "ERROR\r\n", "> ", "\\x", "\\u{",
        "\\", "\uFFFD", "发→◇", "收←◆", "[15:37:11.116]", "0x", "03001B", "\"TopSecret123456\"", "=?", "?", "\u00e9", "\t", "# ", "// ",
        "[TX] - ", "<-- '", "b'", "\\r\\n", "2026-11-25T22:40:41.125000Z < ", "--> ", "<= ", "TX: ", "{\"", "\":", "}", "[{", "]",
    }.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Applies the mutation to <paramref name="data"/>; <paramref name="others"/> are spliced from.</summary>
    public void Apply(List<byte> data, IReadOnlyList<byte[]> others)
    {
        var a = A;
        int At(int extra = 0) => data.Count + extra == 0 ? 0 : (int)(a % (uint)(data.Count + extra));
        switch (Op)
        {
            case 0 when data.Count > 0: data[At()] ^= (byte)(1 << (int)(B % 8)); break;
            case 1 when data.Count > 0: data[At()] = Interesting[B % (uint)Interesting.Length]; break;
            case 2: data.Insert(At(1), (byte)B); break;
            case 3 when data.Count > 0:
            {
                var start = At();
                data.RemoveRange(start, Math.Min((int)(B % 16) + 1, data.Count - start));
                break;
            }
            case 4 when data.Count > 0:
            {
                var start = At();
                var piece = data.GetRange(start, Math.Min((int)(B % 64) + 1, data.Count - start));
                var times = (int)(B / 64 % 4) + 1;
                for (var i = 0; i < times; i++) data.InsertRange(start, piece);
                break;
            }
            case 5: data.InsertRange(At(1), Tokens[B % (uint)Tokens.Length]); break;
            case 6 when others.Count > 0:
            {
                var other = others[(int)(B % (uint)others.Count)];
                var from = other.Length == 0 ? 0 : (int)(B / 7 % (uint)other.Length);
                data.RemoveRange(At(), data.Count - At());
                data.AddRange(other.AsSpan(from).ToArray());
                break;
            }
            case 7 when data.Count > 0: data.RemoveRange(At(), data.Count - At()); break;
            case 8 when data.Count > 1:
            {
                var (i, j) = (At(), (int)(B % (uint)data.Count));
                (data[i], data[j]) = (data[j], data[i]);
                break;
            }
            case 9: data.Insert(At(1), Interesting[B % (uint)Interesting.Length]); break;
        }
    }
}
