namespace Conformance.Cli;

/// <summary>Exit codes of the <c>conformance</c> command, the same for every subcommand.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked (and, for checks, everything passed).</summary>
    public const int Ok = 0;
    /// <summary>The job ran but found failures.</summary>
    public const int Failures = 1;
    /// <summary>Usage or setup error: bad arguments, a missing or unreadable file, a port that cannot be opened.</summary>
    public const int UsageError = 2;

    /// <summary>The codes in a line, for the help of commands that need no more detail.</summary>
    public const string Help = "Exit codes: 0 success; 1 the job ran and found failures; 2 usage or setup error (the message says which).";
}
