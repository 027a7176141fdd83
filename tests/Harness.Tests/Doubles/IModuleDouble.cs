namespace Conformance.Harness.Tests.Doubles;

/// <summary>A module double that answers the host over a byte stream and says what it still owes, so a fake clock can wait for it.</summary>
public interface IModuleDouble
{
    /// <summary>Line ends of host bytes the module has read and answered.</summary>
    long LineEndsAnswered { get; }

    /// <summary>Line ends the module has written to the host.</summary>
    long LineEndsWritten { get; }

    /// <summary>True while a late answer's time has come but it is not written yet.</summary>
    bool OwesLateAnswer { get; }

    /// <summary>Answers host lines read from <paramref name="stream"/> until it closes or the module vanishes.</summary>
    Task ServeAsync(Stream stream, CancellationToken cancel);
}
