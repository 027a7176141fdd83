namespace Conformance.Protocol.OneNet;

/// <summary>A decoded OneNET <c>$dp</c> payload: one of the seven layouts of spec §6.</summary>
public abstract record DpPayload
{
    public abstract DpType Type { get; }

    /// <summary>The payload's values as a flat list, in the order they were written.</summary>
    public abstract IReadOnlyList<DataPoint> DataPoints { get; }
}
