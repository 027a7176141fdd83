namespace Conformance.Harness.Running;

/// <summary>How to judge a run.</summary>
/// <param name="Strict">Fail scenarios with findings (deviations from the manual's canonical forms), not only report them.</param>
/// <param name="GiveUp">End the run when the module sends nothing for this long after a command (a frozen module); null: never.</param>
public sealed record RunOptions(bool Strict = false, TimeSpan? GiveUp = null)
{
    /// <summary>The default give-up time: well above the longest wait for one answer (<c>Timeouts.Command</c>, 5 s).</summary>
    public static readonly TimeSpan DefaultGiveUp = TimeSpan.FromSeconds(30);

    /// <summary>Why a report saved while the run goes on (<see cref="IRunObserver.RunProgressed"/>) has scenarios not run, should the run never end.</summary>
    public const string Unfinished = "the run did not finish: it was killed, or the power failed, before its end";

    /// <summary>The reason a run ended by Ctrl-C or SIGTERM gives in its report.</summary>
    public const string Interrupted = "interrupted";
}
