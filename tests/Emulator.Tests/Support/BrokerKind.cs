namespace Conformance.Emulator.Tests.Support;

/// <summary>Which real broker a fixture runs against.</summary>
public enum BrokerKind
{
    Embedded,
    Mosquitto,
}
