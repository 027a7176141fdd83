using System.Runtime.InteropServices;

namespace Conformance.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM as a cancellation the command handles itself, so that it can finish its output
/// (a trace, a partial report) and say what happened instead of the runtime ending the process. A second signal
/// ends the process as usual.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _term;
    private readonly PosixSignalRegistration _interrupt;

    public StopSignals(CancellationToken cancel)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
    }

    /// <summary>
    /// For a command with nothing to finish (<c>analyze</c>, <c>compare</c>, <c>mutate</c>): at Ctrl-C or SIGTERM it says
    /// what was cut short and exits 1 at once. Its reports are written only whole, so the files they would replace stay as they were.
    /// </summary>
    public static StopSignals ExitingOn(string doing, string left = "no report written, files it would replace left as they were")
    {
        var stop = new StopSignals(CancellationToken.None);
        stop.Token.Register(() =>
        {
            ErrorText.Write($"interrupted ({stop.Received}) {doing}: {left}");
            Environment.Exit(ExitCodes.Failures);
        });
        return stop;
    }

    /// <summary>Cancelled at the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The signal received (SIGINT or SIGTERM); null while none was.</summary>
    public string? Received { get; private set; }

    private void Handle(PosixSignalContext context)
    {
        if (Received is not null) return;
        context.Cancel = true;
        Received = context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
        _stop.Cancel();
    }

    public void Dispose()
    {
        _term.Dispose();
        _interrupt.Dispose();
        _stop.Dispose();
    }
}
