namespace Conformance.Cli;

/// <summary>
/// Standard error that cannot fail the command: when it is closed or on a full disk, what it would say is dropped
/// and the command ends with its own exit code instead of the runtime aborting.
/// </summary>
internal sealed class StandardError(TextWriter inner) : GuardedWriter(inner)
{
    /// <summary>Puts it in place of <see cref="Console.Error"/>, before anything writes there.</summary>
    public static void Install() => Console.SetError(new StandardError(Console.Error));

    // Standard error is where a failure would be told: when it fails itself, there is nowhere left to tell it.
    protected override void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)   // a full disk; a closed descriptor (EBADF)
        {
        }
    }
}
