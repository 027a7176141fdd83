namespace Conformance.Analyzer.Readers;

/// <summary>The kebab-case names of the log formats, as a <c>--format NAME</c> option takes them.</summary>
public static class LogFormatNames
{
    private static readonly Dictionary<LogFormat, string> Names = new()
    {
        [LogFormat.Manual] = "manual",
        [LogFormat.Transcript] = "transcript",
        [LogFormat.Sscom] = "sscom",
        [LogFormat.SscomHex] = "sscom-hex",
        [LogFormat.HexDump] = "hex-dump",
        [LogFormat.LogicCsv] = "logic-csv",
        [LogFormat.Timestamped] = "timestamped",
        [LogFormat.Tio] = "tio",
        [LogFormat.TrailingStamp] = "trailing-stamp",
        [LogFormat.Journal] = "journal",
        [LogFormat.Putty] = "putty",
        [LogFormat.VsCodeSerial] = "vscode-serial",
        [LogFormat.Docklight] = "docklight",
        [LogFormat.UartAssist] = "uartassist",
        [LogFormat.ModemManager] = "modemmanager",
        [LogFormat.Logcat] = "logcat",
        [LogFormat.Socat] = "socat",
        [LogFormat.PySerial] = "pyserial",
        [LogFormat.PythonBytes] = "python-bytes",
        [LogFormat.Strace] = "strace",
        [LogFormat.Interceptty] = "interceptty",
        [LogFormat.Logger] = "logger",
        [LogFormat.JsonLines] = "json-lines",
        [LogFormat.CsvExport] = "csv",
        [LogFormat.ControlNames] = "control-names",
        [LogFormat.Raw] = "raw",
        [LogFormat.Trace] = "trace",
    };

    /// <summary>Every name, in the order of <see cref="LogFormat"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<LogFormat>().Select(f => Names[f])];

    public static string NameOf(LogFormat format) => Names[format];

    /// <summary>The format with this name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static LogFormat Parse(string name)
    {
        foreach (var (format, known) in Names)
            if (string.Equals(known, name.Trim(), StringComparison.OrdinalIgnoreCase)) return format;
        throw new ArgumentException($"unknown log format '{name}': expected one of {string.Join(", ", All)}", nameof(name));
    }
}
