using Conformance.Protocol.Commands;
using Conformance.Protocol.Errors;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Session;

/// <summary>What the module answered to one command: information lines and final result, or nothing in time.</summary>
/// <param name="Command">The command sent.</param>
/// <param name="TraceLine">The trace line of the sent command.</param>
/// <param name="Information">Lines that belong to the command, before its final result.</param>
/// <param name="Final">The final result; null when none arrived within the timeout.</param>
/// <param name="FinalText">The final result line as received; null when none arrived.</param>
/// <param name="FinalTraceLine">The trace line of the final result; 0 when none arrived.</param>
/// <param name="Elapsed">From sending to the final result (or to the timeout).</param>
/// <param name="Echoed">True when the module echoed the command line (echo on, ATE1).</param>
public sealed record CommandReply(
    AtCommand Command, int TraceLine, IReadOnlyList<ReceivedLine> Information,
    FinalResult? Final, string? FinalText, int FinalTraceLine, TimeSpan Elapsed, bool Echoed)
{
    /// <summary>Why no final result can come, when the module said so (a restart); null otherwise.</summary>
    public string? Lost { get; init; }

    public bool TimedOut => Final is null;

    /// <summary>Every way the answer's lines differ from the manual's canonical forms.</summary>
    public IEnumerable<(Deviation Deviation, int TraceLine)> Deviations =>
        Information.SelectMany(line => line.Parsed.Deviations.Select(d => (d, line.TraceLine)))
            .Concat(FinalText is null ? [] : FinalResult.Parse(FinalText).Deviations.Select(d => (d, FinalTraceLine)));

    /// <summary>How the answer reads in a message: <c>'+CME ERROR: 3' (trace line 14)</c>, plus what is odd about its code.</summary>
    public string Describe() => FinalText is null ? Lost is null ? "no final result" : $"no final result: {Lost}"
        : $"'{FinalText}' (trace line {FinalTraceLine}){(Final?.Error is { Meaning: CmeErrors.NotInTable } error ? $": {error.Code} is {CmeErrors.NotInTable}" : "")}";
}
