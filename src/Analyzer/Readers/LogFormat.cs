namespace Conformance.Analyzer.Readers;

/// <summary>The captured-log formats the analyzer reads; <see cref="LogFormatNames"/> gives their command-line names.</summary>
public enum LogFormat
{
    // First: detection gives a tie to the earlier format, and a log most of whose lines end in a stamp is this one's
    // however well another format reads its lines (a raw capture's, a transcript's with the stamp as a comment).
    TrailingStamp,
    Manual,
    Transcript,
    Sscom,
    SscomHex,
    HexDump,
    LogicCsv,
    Timestamped,
    Tio,
    Journal,
    Putty,
    VsCodeSerial,
    Docklight,
    UartAssist,
    ModemManager,
    Logcat,
    Socat,
    PySerial,
    PythonBytes,
    Strace,
    Interceptty,
    Logger,
    JsonLines,
    CsvExport,
    ControlNames,
    Raw,
    Trace,
}
