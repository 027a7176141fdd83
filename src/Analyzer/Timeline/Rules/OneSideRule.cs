using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// A log of one side of the port: the host's commands with no line of the module (an MCU's print of what it sent, a
/// capture of the TX line), or the module's lines with no command. Said once, instead of a <c>no-final-result</c> per
/// command: until the module's first line, an unanswered command's finding is held back, and given only if the module
/// speaks after all. Owns <c>one-side-only</c>.
/// </summary>
internal sealed class OneSideRule(DiagnosticLog diagnostics) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.OneSideOnly];

    // A host-only stretch longer than this, then the module after all, is a log of noise: its findings past the cap share one message.
    private const int MaxHeld = 10_000;

    private readonly List<(long Line, string Message)> _held = [];
    private long _heldBeyond;
    private long _firstHeld = -1;

    /// <summary>True once the module wrote a line: from then on, an unanswered command is a finding of its own.</summary>
    public bool ModuleSpoke { get; private set; }

    /// <summary>The module wrote <paramref name="data"/>; its first line that is not blank releases the findings held.</summary>
    public void Module(ReadOnlySpan<byte> data)
    {
        if (data.IndexOfAnyExcept(" \t\r\n\0"u8) < 0) return;
        ModuleSpoke = true;
        foreach (var (line, message) in _held) diagnostics.Report(DiagnosticCodes.NoFinalResult, line, message);
        for (var i = 0L; i < _heldBeyond; i++)
            diagnostics.Report(DiagnosticCodes.NoFinalResult, _firstHeld, "a command sent before the module's first line got no final result");
        _held.Clear();
        (_held.Capacity, _heldBeyond) = (0, 0);
    }

    /// <summary>A command got no final result while the module has written nothing: its finding waits.</summary>
    public void Unanswered(long line, string message)
    {
        if (_firstHeld < 0) _firstHeld = line;
        if (_held.Count < MaxHeld) _held.Add((line, message));
        else _heldBeyond++;
    }

    /// <summary>The log ended: a log of one side says so.</summary>
    /// <param name="commands">Commands read (sent, or seen in their echo).</param>
    /// <param name="urcs">URCs read.</param>
    /// <param name="firstLine">The log's first line of traffic.</param>
    public void Complete(long commands, long urcs, long firstLine)
    {
        if (!ModuleSpoke && _firstHeld >= 0)
            diagnostics.Report(DiagnosticCodes.OneSideOnly, _firstHeld,
                $"the log holds the host's side only: {commands} commands sent and no line from the module, so no answer, result or latency can be read (a print of what the host sent, or a capture of its TX line alone)");
        else if (ModuleSpoke && commands == 0 && urcs > 0)
            diagnostics.Report(DiagnosticCodes.OneSideOnly, firstLine,
                "the log holds the module's side only: no command was sent or echoed, so only its URCs are read (a capture of its TX line alone, with echo off)");
    }
}
