using System.Text;
using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>A scratch directory for log files written by a test, deleted afterwards.</summary>
internal sealed class TempLog : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("conformance-readers-").FullName;

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes a log and reads all its records as the detected (or given) format.</summary>
    public static (LogSource Source, List<LogRecord> Records) Read(byte[] bytes, LogFormat? format = null)
    {
        using var log = new TempLog();
        var source = LogSource.Open(log.Write("log.txt", bytes), format);
        return (source, source.Read().ToList());
    }

    public static (LogSource Source, List<LogRecord> Records) Read(string text, LogFormat? format = null) =>
        Read(Encoding.UTF8.GetBytes(text), format);

    /// <summary>Writes a log and analyses it as the detected (or given) format.</summary>
    public static Conformance.Analyzer.Timeline.Analysis Analyze(string text, LogFormat? format = null) => Analyze(Encoding.UTF8.GetBytes(text), format);

    /// <summary>Writes a log of these bytes and analyses it as the detected (or given) format.</summary>
    public static Conformance.Analyzer.Timeline.Analysis Analyze(byte[] bytes, LogFormat? format = null)
    {
        using var log = new TempLog();
        return Conformance.Analyzer.Timeline.TimelineBuilder.Analyze(LogSource.Open(log.Write("log.txt", bytes), format));
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
