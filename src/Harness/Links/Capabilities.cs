namespace Conformance.Harness.Links;

/// <summary>Names of what a target can provide beyond AT commands; scenarios declare which they need.</summary>
public static class Capabilities
{
    /// <summary>The harness can stop, start or starve the broker (to provoke ping timeouts and reconnection).</summary>
    public const string BrokerControl = "broker-control";

    /// <summary>The harness can see what reaches the broker (to check a publish arrived as sent).</summary>
    public const string BrokerView = "broker-view";

    /// <summary>The module is connected to a network and a reachable broker.</summary>
    public const string Network = "network";

    public static readonly IReadOnlySet<string> None = new HashSet<string>();
}
