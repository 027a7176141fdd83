namespace Conformance.Emulator.Mqtt;

/// <summary>
/// Hands out MQTT packet ids 1..65535 in rising order, wrapping around, skipping ids still in flight
/// (MQTT 3.1.1 §2.3.1: an id may be reused only after its acknowledgement flow completed). Not thread-safe.
/// </summary>
internal sealed class PacketIdPool
{
    private readonly HashSet<ushort> _inFlight = [];
    private ushort _last;

    public int InFlight => _inFlight.Count;

    public ushort Next()
    {
        if (_inFlight.Count == ushort.MaxValue)
            throw new InvalidOperationException("All 65535 packet ids are in flight; wait for acknowledgements first.");
        do _last = _last == ushort.MaxValue ? (ushort)1 : (ushort)(_last + 1);
        while (!_inFlight.Add(_last));
        return _last;
    }

    /// <summary>Frees an id whose flow completed; false when it was not in flight (an unexpected acknowledgement).</summary>
    public bool Release(ushort id) => _inFlight.Remove(id);

    public void Clear() => _inFlight.Clear();
}
