namespace Conformance.Analyzer.Readers;

/// <summary>A fresh reader for each format (readers keep per-log state).</summary>
internal static class LogReaders
{
    public static LogReader Create(LogFormat format) => format switch
    {
        LogFormat.Manual => new ManualReader(),
        LogFormat.Transcript => new TranscriptReader(),
        LogFormat.Sscom => new SscomReader(),
        LogFormat.SscomHex => new SscomHexReader(),
        LogFormat.HexDump => new HexDumpReader(),
        LogFormat.LogicCsv => new LogicCsvReader(),
        LogFormat.Timestamped => new TimestampedReader(),
        LogFormat.Tio => new TioReader(),
        LogFormat.TrailingStamp => new TrailingStampReader(),
        LogFormat.Journal => new JournalReader(),
        LogFormat.Putty => new PuttyReader(),
        LogFormat.VsCodeSerial => new VsCodeSerialReader(),
        LogFormat.Docklight => new DocklightReader(),
        LogFormat.UartAssist => new UartAssistReader(),
        LogFormat.ModemManager => new ModemManagerReader(),
        LogFormat.Logcat => new LogcatReader(),
        LogFormat.Socat => new SocatReader(),
        LogFormat.PySerial => new PySerialReader(),
        LogFormat.PythonBytes => new PythonBytesReader(),
        LogFormat.Strace => new StraceReader(),
        LogFormat.Interceptty => new IntercepttyReader(),
        LogFormat.Logger => new LoggerReader(),
        LogFormat.JsonLines => new JsonLinesReader(),
        LogFormat.CsvExport => new CsvExportReader(),
        LogFormat.ControlNames => new ControlNamesReader(),
        LogFormat.Raw => new RawReader(),
        LogFormat.Trace => new TraceReader(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a known log format"),
    };
}
