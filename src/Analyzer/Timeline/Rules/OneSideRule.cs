using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// A log of one side of the port: the host's commands with no line of the module (an MCU's print of what it sent, a
/// capture of the host's TX line). Said once, instead of a <c>no-final-result</c> per
/// command: until the module's first line, an unanswered command's finding is held back, and given back if the module
/// speaks after all. (A log of the module's side alone is read as it is: its URCs, and commands from their echoes.) Owns <c>one-side-only</c>.
/// </summary>
internal sealed class OneSideRule(DiagnosticLog diagnostics) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.OneSideOnly];

    // A host-only stretch longer than this, then the module after all, is a log of noise: its findings past the cap share one message.
    private const int MaxHeld = 10_000;

    private readonly List<(long Line, Correlation.GiveUpReason Reason)> _held = [];
    private Correlation.GiveUpReason _beyond;
    private long _heldBeyond;
    private long _firstHeld = -1;

    /// <summary>True once the module wrote a line: from then on, an unanswered command is a finding of its own.</summary>
    public bool ModuleSpoke { get; private set; }

    /// <summary>
    /// The module wrote <paramref name="data"/>: its first line that is neither blank nor an echo gives back the findings held, to be
    /// reported as they would have been; empty before that.
    /// </summary>
    public IEnumerable<(long Line, Correlation.GiveUpReason Reason)> Module(ReadOnlySpan<byte> data)
    {
        // A blank line says nothing, nor does a command's echo: a host repeating AT+CSQ reads as its own echo.
        var from = data.IndexOfAnyExcept(" \t\r\n\0"u8);
        if (from < 0 || Readers.DirectionGuess.StartsWithAt(data[from..])) return [];
        ModuleSpoke = true;
        var held = _held.Concat(Enumerable.Repeat((_firstHeld, _beyond), (int)Math.Min(_heldBeyond, int.MaxValue))).ToList();
        _held.Clear();
        (_held.Capacity, _heldBeyond) = (0, 0);
        return held;
    }

    /// <summary>A command got no final result while the module has written nothing: its finding waits.</summary>
    public void Unanswered(long line, Correlation.GiveUpReason reason)
    {
        if (_firstHeld < 0) _firstHeld = line;
        if (_held.Count < MaxHeld) _held.Add((line, reason));
        else if (_heldBeyond++ == 0) _beyond = reason with { Message = "a command sent before the module's first line got no final result" };
    }

    /// <summary>The log ended: a log of the host's side alone says so.</summary>
    /// <param name="commands">Commands read.</param>
    public void Complete(long commands)
    {
        if (!ModuleSpoke && _firstHeld >= 0)
            diagnostics.Report(DiagnosticCodes.OneSideOnly, _firstHeld,
                $"the log holds the host's side only: {commands} commands sent and no line from the module, so no answer, result or latency can be read (a print of what the host sent, or a capture of its TX line alone)");
    }
}
