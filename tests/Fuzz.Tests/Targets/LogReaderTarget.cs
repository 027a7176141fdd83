using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using Conformance.Analyzer.Readers;
using Conformance.Fuzz.Tests.Engine;
using Conformance.Fuzz.Tests.Seeds;
using CsCheck;

namespace Conformance.Fuzz.Tests.Targets;

/// <summary>
/// Format detection and every log reader, on real files: only <see cref="LogReadException"/> (a message with the
/// file and line) may stop a read; records point at lines that exist; the same log read gzip-compressed, as UTF-16
/// or cut into several files gives the same records.
/// </summary>
public sealed class LogReaderTarget : FuzzTarget
{
    private static readonly LogFormat[] Formats = Enum.GetValues<LogFormat>();

    // What one read of a small log may allocate whatever its size: the sample of its head for detection, the buffers.
    private const long PerRead = 160 << 10;

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"conformance-fuzz-{Environment.ProcessId}-logs")).FullName;

    public override string Name => "log-reader";

    public override bool Streams => false;

    public override IReadOnlyList<byte[]> Seeds { get; } = AllBytes(FieldLogs.All);

    public override Gen<byte[]> Structured { get; } = Gen.OneOf(FieldLogs.All).Array[1, 4].Select(logs => Encoding.UTF8.GetBytes(string.Concat(logs)));

    public override int ShortIterations => 60;

    public override void Check(FuzzInput input, Behaviour behaviour)
    {
        var plain = Write("log", input.Data);
        var lines = CountLines(input.Data);
        // The log is read once detected and once as each format: every read opens it and samples its head anew.
        Bounds.Allocation("detection and reading", input.Data.Length, 2000, (Formats.Length + 1) * PerRead, () =>
        {
            var detected = Read([plain], null);
            behaviour.Note($"detected:{detected.Format}:{detected.Failure}");
            foreach (var format in Formats)
            {
                var result = Read([plain], format);
                behaviour.Note($"{format}:{result.Failure}");
                behaviour.NotePairs(format.ToString(), result.Records.Select(r => r.Direction.ToString()).Take(20));
                foreach (var record in result.Records)
                    Assert.That(record.Line, Is.InRange(1, lines + 1), $"{format}: record line outside the file");
            }
        });

        // One format per input for the other ways a log is stored: decided by the input, so a replay does the same.
        var chosen = Formats[(input.Data.Length + input.Chunks.Sum()) % Formats.Length];
        var expected = Read([plain], chosen);
        Assert.That(Read([Write("log.gz", Gzip(input.Data))], chosen).Same, Is.EqualTo(expected.Same), $"{chosen}: gzip-compressed log read differently");
        if (Utf8.IsValid(input.Data) && !input.Data.AsSpan().Contains((byte)0) && !input.Data.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]))
        {
            var utf16 = Write("log16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(input.Data))]);
            Assert.That(Read([utf16], chosen).Same, Is.EqualTo(expected.Same), $"{chosen}: UTF-16 log read differently");
        }
        if (LineBoundary(input) is { } cut)
        {
            var parts = Read([Write("log.a", input.Data[..cut]), Write("log.b", input.Data[cut..])], chosen);
            if (expected.Failure is null && parts.Failure is null)
                Assert.That(Traffic(parts.Records), Is.EqualTo(Traffic(expected.Records)), $"{chosen}: a log cut in two files at byte {cut} read differently");
        }
    }

    /// <summary>A line end chosen by the input, after which the log is cut in two files.</summary>
    private static int? LineBoundary(FuzzInput input)
    {
        if (input.Data.Length < 2) return null;
        var from = (input.Chunks.FirstOrDefault() * 31 + 7) % input.Data.Length;
        var newline = input.Data.AsSpan(from).IndexOf((byte)'\n');
        return newline < 0 || from + newline + 1 >= input.Data.Length ? null : from + newline + 1;
    }

    /// <summary>The bytes each way, runs of one direction joined: what a cut between files must not change.</summary>
    private static List<string> Traffic(List<LogRecord> records)
    {
        var runs = new List<string>();
        LogDirection? last = null;
        foreach (var record in records)
        {
            var hex = Convert.ToHexString(record.Data);
            if (record.Direction == last) runs[^1] += hex;
            else runs.Add($"{record.Direction} {hex}");
            last = record.Direction;
        }
        return runs;
    }

    private sealed record Result(LogFormat? Format, List<LogRecord> Records, string? Failure)
    {
        /// <summary>What must not depend on how the log was stored: records without their file name, and whether it failed.</summary>
        public List<string> Same => [.. Records.Select(r => $"{r.Line} {r.Time:O} {r.SinceStart} {r.Direction} {Convert.ToHexString(r.Data)}"), Failure is null ? "read" : "failed"];
    }

    private static Result Read(IReadOnlyList<string> files, LogFormat? format)
    {
        var records = new List<LogRecord>();
        try
        {
            var source = LogSource.Open(files, format);
            foreach (var record in source.Read())
            {
                Assert.That(record.Data, Is.Not.Null);
                if (records.Count < 100_000) records.Add(record);
            }
            return new Result(source.Format, records, null);
        }
        catch (LogReadException e)
        {
            Assert.That(e.Message, Does.StartWith(e.File), "a read error names its file first");
            return new Result(null, records, e.Message[e.File.Length..]);
        }
    }

    private string Write(string name, byte[] data)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, data);
        return path;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }

    private static int CountLines(byte[] data)
    {
        var lines = 1;
        for (var i = 0; i < data.Length; i++)
            if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == data.Length || data[i + 1] != '\n'))) lines++;
        return lines;
    }
}
