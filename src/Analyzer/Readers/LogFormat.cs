namespace Conformance.Analyzer.Readers;

/// <summary>The captured-log formats the analyzer reads; <see cref="LogFormatNames"/> gives their command-line names.</summary>
public enum LogFormat
{
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
