using Conformance.Protocol.Responses;

namespace Conformance.Emulator.Modem;

/// <summary>
/// The <c>AT+MQTTTO</c> timers: one per answer the module is waiting for from the broker, keyed by what it waits
/// for and the packet id. Used under the module's lock.
/// </summary>
internal sealed class AckTimers(TimeProvider time, Action<MqttTimeoutType, ushort> expired)
{
    private readonly Dictionary<(MqttTimeoutType Type, ushort PacketId), ITimer> _pending = [];

    public void Watch(MqttTimeoutType type, ushort packetId, TimeSpan timeout)
    {
        Settle(type, packetId);
        _pending[(type, packetId)] = time.CreateTimer(_ => expired(type, packetId), null, timeout, Timeout.InfiniteTimeSpan);
    }

    public bool IsWatching(MqttTimeoutType type, ushort packetId) => _pending.ContainsKey((type, packetId));

    /// <summary>What each running timer waits for.</summary>
    public IEnumerable<MqttTimeoutType> Awaited => _pending.Keys.Select(k => k.Type);

    /// <summary>The answer arrived (or the wait was given up): stop its timer; false when nothing was waiting.</summary>
    public bool Settle(MqttTimeoutType type, ushort packetId)
    {
        if (!_pending.Remove((type, packetId), out var timer)) return false;
        timer.Dispose();
        return true;
    }

    public void Clear()
    {
        foreach (var timer in _pending.Values) timer.Dispose();
        _pending.Clear();
    }
}
