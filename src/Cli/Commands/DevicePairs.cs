using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Cli.Commands;

/// <summary>
/// Which analyses <c>compare</c> puts side by side when a log holds several devices (<see cref="Analysis.Channel"/>):
/// a device of A with the device of B of the same name, each pair compared alone, as a gateway's modules compared
/// before and after an upgrade are; pooled, one module's latencies would be weighed against another's.
/// </summary>
internal static class DevicePairs
{
    /// <summary>One device (or the one module of a log) of A and of B, and the name the pair goes by; null for logs of one.</summary>
    public sealed record Pair(string? Channel, Analysis A, Analysis B);

    /// <summary>
    /// The pairs of <paramref name="a"/> and <paramref name="b"/> (a log's analyses: one, or one per device); with
    /// <paramref name="channel"/>, that device of each log of several against the other log (a device of its own, or its one
    /// module). <paramref name="skipped"/> names the devices of one log only, left out. A choice that cannot be made
    /// (a log of several against a log of one without <paramref name="channel"/>, no device of the same name, an unknown
    /// <paramref name="channel"/>) is an <see cref="ArgumentException"/> saying what to give, naming the devices and the logs
    /// by <paramref name="nameA"/> and <paramref name="nameB"/> (their file names).
    /// </summary>
    public static IReadOnlyList<Pair> Of(IReadOnlyList<Analysis> a, IReadOnlyList<Analysis> b, string nameA, string nameB, string? channel,
        out IReadOnlyList<string> skipped)
    {
        skipped = [];
        var (severalA, severalB) = (a[0].Channel is not null, b[0].Channel is not null);
        if (channel is not null)
        {
            if (!severalA && !severalB) throw new ArgumentException($"--channel {channel}: neither log names devices, each is a log of one module; leave --channel out");
            var pickedA = Pick(a, nameA, channel);
            var pickedB = Pick(b, nameB, channel);
            return [new Pair(pickedA.Channel ?? pickedB.Channel, pickedA, pickedB)];
        }
        if (!severalA && !severalB) return [new Pair(null, a[0], b[0])];
        if (severalA != severalB)
        {
            var (several, one, devices) = severalA ? (nameA, nameB, a) : (nameB, nameA, b);
            throw new ArgumentException($"{several} holds {devices.Count} devices ({Names(devices)}) and {one} is a log of one module: " +
                $"give --channel NAME to compare one of {several}'s devices with {one}");
        }
        var pairs = a.Select(x => (x, y: b.FirstOrDefault(y => Same(x.Channel!, y.Channel!)))).Where(p => p.y is not null)
            .Select(p => new Pair(p.x.Channel, p.x, p.y!)).ToList();
        if (pairs.Count == 0)
            throw new ArgumentException($"{nameA} holds the devices {Names(a)} and {nameB} the devices {Names(b)}: none of the same name to compare; " +
                "compare needs a device of one name in both");
        skipped = [.. a.Where(x => !b.Any(y => Same(x.Channel!, y.Channel!))).Select(x => $"{x.Channel} (only in {nameA})")
            .Concat(b.Where(y => !a.Any(x => Same(x.Channel!, y.Channel!))).Select(y => $"{y.Channel} (only in {nameB})"))];
        return pairs;
    }

    // The device `channel` names in a log of several (as --channel does in analyze); a log of one, whole.
    private static Analysis Pick(IReadOnlyList<Analysis> analyses, string name, string channel) =>
        analyses[0].Channel is null ? analyses[0]
        : analyses.FirstOrDefault(a => LogChannels.Names(a.Channel!, channel))
          ?? throw new ArgumentException($"--channel {channel}: no such device in {name}; its devices are {Names(analyses)}");

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Names(IReadOnlyList<Analysis> analyses) => string.Join(", ", analyses.Select(a => a.Channel));
}
