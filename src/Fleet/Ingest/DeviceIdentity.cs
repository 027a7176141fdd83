using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Syntax;

namespace Conformance.Fleet.Ingest;

/// <summary>
/// Which device and firmware a log is from, as its own traffic says: the IMEI answered to <c>AT+CGSN</c>
/// (<c>AT+GSN</c>, or an <c>IMEI:</c> line of <c>ATI</c>), the revision answered to <c>AT+CGMR</c> (<c>AT+GMR</c>,
/// <c>ATI</c>). The first answer wins.
/// </summary>
internal sealed class DeviceIdentity
{
    public string? Device { get; private set; }

    public string? Firmware { get; private set; }

    /// <summary>Looks at one exchange's answer.</summary>
    public void Read(Exchange exchange)
    {
        if (exchange.Information.Count == 0 || exchange.Final != "OK") return;
        var name = CommandLine.Parse(exchange.Command)?.Name ?? "";
        if (Device is null && name is "+CGSN" or "+GSN") Device = Imei(exchange.Information);
        else if (Firmware is null && name is "+CGMR" or "+GMR") Firmware = Value(exchange.Information[0]);
        else if (IsIdentification(exchange.Command))
        {
            // ATI: "Revision: …", and on some modules "IMEI: …", each on a line of its own.
            Firmware ??= Labelled(exchange.Information, "Revision");
            Device ??= Labelled(exchange.Information, "IMEI") is { } imei ? Imei([imei]) : null;
        }
    }

    private static string? Imei(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            var value = Value(line);
            if (value.Length is >= 14 and <= 17 && value.All(char.IsAsciiDigit)) return value;
        }
        return null;
    }

    // ATI answers the maker, the model and "Revision: …" on lines of their own; the revision names the firmware.
    private static string? Labelled(IReadOnlyList<string> lines, string label)
    {
        foreach (var line in lines)
            if (line.StartsWith(label, StringComparison.OrdinalIgnoreCase)) return Value(line);
        return null;
    }

    private static bool IsIdentification(string command) =>
        command.Trim() is var text && text.Length is 3 or 4 && text.StartsWith("ATI", StringComparison.OrdinalIgnoreCase);

    // A short label before a colon ("+CGMR", "Revision", "AT version") is dropped, a bare value kept; quotes go.
    private const int LongestLabel = 12;

    private static string Value(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var value = colon is > 0 and <= LongestLabel ? line[(colon + 1)..] : line;
        return value.Trim().Trim('"');
    }
}
