using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Diagnostics;

/// <summary>
/// Collects the diagnostics of one log: keeps the first <c>capacity</c> in detail and counts every one per code.
/// A message is written only for a diagnostic that is kept or forwarded, so a log with millions of findings costs a
/// counter each.
/// </summary>
/// <param name="capacity">How many diagnostics are kept in detail.</param>
/// <param name="forward">Receives every diagnostic, also those not kept (see <c>ITimelineSink</c>).</param>
/// <param name="kept">The analysis's text budget for what its items keep; none by default.</param>
public sealed class DiagnosticLog(int capacity, Action<Diagnostic>? forward = null, Timeline.KeptText? kept = null)
{
    private readonly List<Diagnostic> _kept = [];
    // Codes are the singletons of DiagnosticCodes: hashing the reference spares hashing their long texts per finding.
    private readonly Dictionary<CodeEntry, long> _counts = new(ReferenceEqualityComparer.Instance);

    /// <summary>Diagnostics raised, also those not kept.</summary>
    public long Count { get; private set; }

    /// <summary>Diagnostics raised but not kept in detail.</summary>
    public long Omitted => Count - _kept.Count;

    /// <summary>The first diagnostics, in the order they were raised.</summary>
    public IReadOnlyList<Diagnostic> Kept => _kept;

    /// <summary>True when the next diagnostic is kept in detail or forwarded, and so needs its message.</summary>
    public bool Keeps => forward is not null || _kept.Count < capacity;

    /// <summary>Raises a diagnostic of <paramref name="code"/>; the message is only formatted when it is kept.</summary>
    public void Report(CodeEntry code, long line, [InterpolatedStringHandlerArgument("")] ref DiagnosticMessage message)
    {
        Counted(code);
        if (message.IsWanted) Add(Diagnostic.Of(code, line, Keep(message.ToStringAndClear())));
    }

    /// <summary>Raises a diagnostic whose message is already written.</summary>
    public void Report(CodeEntry code, long line, string message)
    {
        var keeps = Keeps;
        Counted(code);
        if (keeps) Add(Diagnostic.Of(code, line, Keep(message)));
    }

    private string Keep(string message) => kept is null ? message : kept.Of(message);

    private void Add(Diagnostic diagnostic)
    {
        forward?.Invoke(diagnostic);
        if (_kept.Count < capacity) _kept.Add(diagnostic);
    }

    private void Counted(CodeEntry code)
    {
        Count++;
        CollectionsMarshal.GetValueRefOrAddDefault(_counts, code, out _)++;
    }

    /// <summary>How many of each code were raised, most severe first, then by code.</summary>
    public IReadOnlyList<DiagnosticCount> Counts() =>
        [.. _counts.OrderByDescending(c => c.Key.Severity).ThenBy(c => c.Key.Code, StringComparer.Ordinal)
            .Select(c => new DiagnosticCount(c.Key.Code, c.Key.Severity, c.Value))];
}
