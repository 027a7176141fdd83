namespace Conformance.Emulator.Tests.Support;

/// <summary>How long a test waits for something the network should deliver at once.</summary>
internal static class Waiting
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
}
