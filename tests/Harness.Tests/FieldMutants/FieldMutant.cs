namespace Conformance.Harness.Tests.FieldMutants;

/// <summary>
/// One way shipping firmware gets the manual wrong: the answer to commands starting with <see cref="Command"/>,
/// as the faithful script writes it, rewritten (and, with a <see cref="Delay"/>, sent that late).
/// </summary>
/// <param name="Name">What the firmware does, as a test name reads it.</param>
/// <param name="Command">The start of the command lines whose answer it rewrites.</param>
/// <param name="Rewrite">From the command and the faithful answer's bytes (Latin-1) to the bytes sent.</param>
/// <param name="Delay">How long after the command the answer comes.</param>
public sealed record FieldMutant(string Name, string Command, Func<string, string, string> Rewrite, TimeSpan Delay = default)
{
    /// <summary>
    /// Where a rewritten answer stops for <see cref="PauseLength"/> before the rest is sent: a mark no Latin-1 byte
    /// can be, so it never stands for a byte on the wire.
    /// </summary>
    public const char Pause = '\u2016';

    /// <summary>How long the module stops at a <see cref="Pause"/> by default: a UART buffer flushed by a timer, a task switch.</summary>
    public static readonly TimeSpan PauseLength = TimeSpan.FromSeconds(2);

    /// <summary>How long this module stops at a <see cref="Pause"/>.</summary>
    public TimeSpan PauseFor { get; init; } = PauseLength;

    public override string ToString() => Name;
}
