namespace Conformance.Harness.Dsl;

/// <summary>Default waits, from what real drivers allow (spec §7), and a readable way to write others.</summary>
public static class Timeouts
{
    /// <summary>A plain command's final result.</summary>
    public static readonly TimeSpan Command = Protocol.Catalog.ProtocolCatalog.FinalResultWithin;

    /// <summary>A URC reporting a server's answer (SUBACK, PUBACK, …).</summary>
    public static readonly TimeSpan Urc = TimeSpan.FromSeconds(5);

    /// <summary>How long to listen for stray URCs before saying there were none.</summary>
    public static readonly TimeSpan Quiet = Protocol.Catalog.ProtocolCatalog.QuietPeriod;

    public static TimeSpan Seconds(this int seconds) => TimeSpan.FromSeconds(seconds);

    public static TimeSpan Milliseconds(this int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
