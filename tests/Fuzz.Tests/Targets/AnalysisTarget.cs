using System.Text;
using System.Text.Json;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Reports;
using Conformance.Analyzer.Timeline;
using Conformance.Fuzz.Tests.Engine;
using Conformance.Fuzz.Tests.Seeds;
using Conformance.Protocol.Catalog;
using CsCheck;
using Spectre.Console;

namespace Conformance.Fuzz.Tests.Targets;

/// <summary>
/// What <c>conformance analyze</c> does with a file, end to end: detection, reading, the timeline, and the console,
/// JSON and HTML reports. Nothing but a <see cref="LogReadException"/> may stop it, the JSON parses, and no escape
/// byte from the log reaches a report.
/// </summary>
public sealed class AnalysisTarget : FuzzTarget
{
    private readonly string _file = Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"conformance-fuzz-{Environment.ProcessId}-analysis")).FullName, "log.txt");

    public override string Name => "analysis";

    public override bool Streams => false;

    public override IReadOnlyList<byte[]> Seeds { get; } = AllBytes([.. FieldLogs.All, FieldLines.Session]);

    public override Gen<byte[]> Structured { get; } = Gen.Frequency(
        (2, Gen.OneOf(FieldLogs.All).Array[1, 4].Select(logs => Encoding.UTF8.GetBytes(string.Concat(logs)))),
        (3, Inputs.Lines(Gen.Frequency((3, Gen.OneOf(FieldLines.Module)), (2, Gen.OneOf(FieldLines.Commands))), 60)));

    public override int ShortIterations => 60;

    public override void Check(FuzzInput input, Behaviour behaviour)
    {
        File.WriteAllBytes(_file, input.Data);
        // The HTML report draws its plots whatever the log's size: some megabytes for any input.
        Bounds.Allocation("analysis", input.Data.Length, 4000, 32 << 20, () =>
        {
            Analysis analysis;
            try
            {
                var source = LogSource.Open([_file]);
                behaviour.Note($"format:{source.Format}");
                analysis = TimelineBuilder.Analyze(source.Read(), new AnalysisOptions { MaxStoredItems = 500 });
                // A log that names several devices is also read per device, each on its own reader and thread.
                if (source.Channels is not null)
                {
                    var devices = TimelineBuilder.AnalyzeChannels(source, new AnalysisOptions { MaxStoredItems = 500 }, null, out var names);
                    behaviour.Note($"devices:{Math.Min(names.Count, 4)}");
                    if (devices.Count != names.Count) throw new InvalidOperationException($"{names.Count} devices named, {devices.Count} analysed");
                    foreach (var device in devices) Shown.Never(device.Channel!, "\u001b", "an escape byte in a device's name");
                }
            }
            catch (LogReadException e)
            {
                behaviour.Note("refused:" + e.Message[e.File.Length..]);
                return;
            }
            foreach (var diagnostic in analysis.Diagnostics) behaviour.Note($"diagnostic:{diagnostic.Code}");
            foreach (var urc in analysis.Urcs.Take(50)) behaviour.Note($"urc:{(ProtocolCatalog.Urc(urc.Name) is null ? "other" : urc.Name)}");

            using var json = JsonDocument.Parse(JsonReport.Write(analysis));
            var html = HtmlReport.Write(analysis, "log.txt");
            Shown.Never(html, "\u001b", "an escape byte reached the HTML report");
            using var writer = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
            console.Profile.Width = 160;
            AnalysisConsoleReport.Write(analysis, console);
            Shown.Never(writer.ToString(), "\u001b", "an escape byte reached the console report");
        });
    }
}
