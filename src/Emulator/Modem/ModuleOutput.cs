using System.Text;

namespace Conformance.Emulator.Modem;

/// <summary>
/// The one writer of module bytes. Callers hold the module's lock, so a URC from the MQTT thread can never land
/// inside a response line. Lines are framed <c>\r\n&lt;text&gt;\r\n</c> like the real module's.
/// </summary>
internal sealed class ModuleOutput(Action<byte[]> sink, Action<string> log)
{
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    public void Line(string text) => Line(Encoding.UTF8.GetBytes(text));

    public void Line(byte[] text)
    {
        sink([.. LineEnd, .. text, .. LineEnd]);
        log("< " + Encoding.UTF8.GetString(text));
    }

    /// <summary>Bytes as they are, e.g. the echo of what the host typed.</summary>
    public void Raw(ReadOnlySpan<byte> bytes) => sink(bytes.ToArray());
}
