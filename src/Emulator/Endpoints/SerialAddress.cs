namespace Conformance.Emulator.Endpoints;

/// <summary>A UART as given on the command line: <c>PATH[,BAUD]</c>, 9600 baud unless told otherwise (spec §1).</summary>
public sealed record SerialAddress(string Path, int BaudRate)
{
    public const int DefaultBaudRate = 9600;

    /// <summary>Parses <c>PATH[,BAUD]</c>; a <see cref="FormatException"/> says what is wrong and at which character.</summary>
    public static SerialAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var comma = text.LastIndexOf(',');
        var path = comma < 0 ? text : text[..comma];
        if (path.Length == 0) throw new FormatException($"no port given in '{text}', e.g. /dev/ttyUSB0,9600");
        if (comma < 0) return new SerialAddress(path, DefaultBaudRate);
        var baud = text[(comma + 1)..];
        if (!int.TryParse(baud, System.Globalization.NumberStyles.None, null, out var rate) || rate <= 0)
            throw new FormatException($"baud rate '{baud}' at character {comma + 2} of '{text}' must be a positive number, e.g. {path},115200");
        return new SerialAddress(path, rate);
    }

    public override string ToString() => $"{Path},{BaudRate}";
}
