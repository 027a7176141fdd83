using System.Text;
using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Events;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Secrets;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

/// <summary>What the rule tests feed a rule by hand: a place in the log, module output read into events, parsed URCs.</summary>
internal static class RuleInputs
{
    public static readonly Stamp At = new(7, null, null);

    public static readonly SecretMasker Masker = new();

    public static DiagnosticLog Log() => new(10);

    public static IEnumerable<string> Codes(this DiagnosticLog log) => log.Kept.Select(d => d.Code);

    public static IEnumerable<string> Messages(this DiagnosticLog log) => log.Kept.Select(d => d.Message);

    /// <summary>The events the shared reader makes of <paramref name="output"/>, the log ending after it.</summary>
    public static List<AtEvent> Events(string output, int maxFrameLength = 64 * 1024, string? pending = null)
    {
        var reader = new AtEventReader(new AtTokenizerOptions { MaxFrameLength = maxFrameLength });
        if (pending is not null) reader.CommandSent(pending);
        var events = new List<AtEvent>();
        ReadOnlySpan<byte> input = Encoding.ASCII.GetBytes(output);
        while (reader.TryRead(ref input, out var atEvent, isFinalBlock: true)) events.Add(atEvent);
        return events;
    }

    public static Urc Urc(string line) => UrcParser.Parse(line).Value!;
}
