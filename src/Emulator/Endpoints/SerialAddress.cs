namespace Conformance.Emulator.Endpoints;

/// <summary>A UART as given on the command line: <c>PATH[,BAUD]</c>, 9600 baud unless told otherwise (spec §1).</summary>
public sealed record SerialAddress(string Path, int BaudRate)
{
    public const int DefaultBaudRate = 9600;

    /// <summary>Parses <c>PATH[,BAUD]</c>; a <see cref="FormatException"/> says what is wrong and at which character.</summary>
    /// <param name="text">What follows <paramref name="prefix"/>.</param>
    /// <param name="prefix">What the user wrote before it (<c>serial:</c> of a harness target): counted in positions, shown in examples.</param>
    public static SerialAddress Parse(string text, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        var comma = text.LastIndexOf(',');
        var path = comma < 0 ? text : text[..comma];
        if (path.Length == 0) throw new FormatException($"no port given in '{prefix}{text}', e.g. {prefix}/dev/ttyUSB0,{DefaultBaudRate}");
        if (comma < 0) return new SerialAddress(path, DefaultBaudRate);
        var baud = text[(comma + 1)..];
        if (!int.TryParse(baud, System.Globalization.NumberStyles.None, null, out var rate) || rate <= 0)
            throw new FormatException($"baud rate '{baud}' at character {prefix.Length + comma + 2} of '{prefix}{text}' must be a positive number, e.g. {prefix}{path},115200");
        return new SerialAddress(path, rate);
    }

    public override string ToString() => $"{Path},{BaudRate}";
}
