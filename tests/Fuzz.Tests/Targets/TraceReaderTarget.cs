using System.Text;
using Conformance.Fuzz.Tests.Engine;
using Conformance.Fuzz.Tests.Seeds;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Tracing;
using CsCheck;

namespace Conformance.Fuzz.Tests.Targets;

/// <summary>
/// The trace format as <c>run --target replay:</c> reads it: a trace or a <see cref="FormatException"/> naming the
/// file and line, never another exception; every record read writes back to the same line meaning; escaping any
/// bytes reads back to the same bytes.
/// </summary>
public sealed class TraceReaderTarget : FuzzTarget
{
    public override string Name => "trace-reader";

    public override bool Streams => false;

    public override IReadOnlyList<byte[]> Seeds { get; } = AllBytes(
    [
        FieldLogs.All.Single(l => l.StartsWith(TraceFormat.Magic, StringComparison.Ordinal)),
        TraceFormat.Magic + "\n# dialect: field\n2026-11-25T22:40:41.125000Z > AT\\r\n2026-11-25T22:40:41.126000Z < \\r\\nOK\\r\\n\\x00\\xff\\\\\n",
        TraceFormat.Magic + "\r\n2026-11-25T22:40:41Z < x\r\n", TraceFormat.Magic + "\n2026-11-25T22:40:41.125000Z ? x\n", TraceFormat.Magic + "\n\n# c\n",
    ]);

    public override Gen<byte[]> Structured { get; } = Gen.Select(
        Gen.Select(Gen.DateTime[new DateTime(1990, 1, 1), new DateTime(2100, 1, 1)], Gen.OneOf('>', '<', '*', '?'), Gen.Byte.Array[0, 60],
            (time, arrow, data) => $"{time:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'} {arrow} {TraceEscaping.Escape(data)}").Array[0, 20],
        Gen.Bool, (lines, magic) => Encoding.UTF8.GetBytes((magic ? TraceFormat.Magic + "\n# target: x\n" : "") + string.Join("\n", lines)));

    public override int ShortIterations => 800;

    public override void Check(FuzzInput input, Behaviour behaviour)
    {
        var text = Encoding.UTF8.GetString(input.Data);
        // A refused trace costs an exception with its stack trace, whatever its length.
        Bounds.Allocation("trace reading", input.Data.Length, 400, 512 * 1024, () =>
        {
            try
            {
                var trace = TraceFile.Read(new StringReader(text), "fuzz.trace");
                behaviour.Note($"trace:{trace.Records.Count > 0}:{trace.Header.Count > 0}");
            }
            catch (FormatException e)
            {
                Assert.That(e.Message, Does.StartWith("fuzz.trace:"), "a trace error names the file");
                behaviour.Note("refused:" + e.Message);
            }

            foreach (var line in text.Split('\n').Take(200))
            {
                if (!TraceFormat.TryParse(line, out var record, out var error))
                {
                    Assert.That(error, Is.Not.Null.And.Not.Empty, "a refused line says why");
                    behaviour.Note("line:" + error!.Split('\'')[0]);
                    continue;
                }
                if (record is null) continue;
                behaviour.Note($"record:{record.Direction}");
                Assert.That(TraceFormat.Parse(TraceFormat.Format(record)), Is.EqualTo(record), "a record does not read back as written");
            }
        });
        Assert.That(TraceEscaping.Unescape(TraceEscaping.Escape(input.Data)), Is.EqualTo(input.Data), "escaped bytes do not read back");
    }
}
