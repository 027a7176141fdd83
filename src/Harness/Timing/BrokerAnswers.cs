using System.Diagnostics;
using Conformance.Emulator.Hosting;
using Conformance.Protocol.Responses;

namespace Conformance.Harness.Timing;

/// <summary>
/// Keeps the virtual clock still while the virtual module waits for a broker answer that is on its way over
/// the loopback sockets: otherwise the module's <c>AT+MQTTTO</c> timer, or a harness deadline, could pass
/// before it lands.
/// </summary>
/// <remarks>
/// The module knows what it waits for from the moment it accepts the command, before a packet leaves it, so
/// there is no gap to guess. An answer a fault holds back on purpose (held ACKs, swallowed PINGRESP) is not on
/// its way: its timer is meant to fire. Packets passing the fault proxy count as activity. A wait unchanged for
/// <see cref="Lost"/> of real time is taken as lost with its connection, so the clock never stalls for good.
/// </remarks>
internal sealed class BrokerAnswers
{
    private static readonly TimeSpan Lost = TimeSpan.FromSeconds(2);

    private static readonly byte[] Publish = "+MQTTPUBLISH"u8.ToArray();

    private readonly EmulatorHost _host;
    private string _last = "";
    private long _since = Stopwatch.GetTimestamp();
    private int _deliveries;

    public BrokerAnswers(EmulatorHost host, VirtualClock clock)
    {
        _host = host;
        if (host.Proxy is { } proxy)
        {
            proxy.FrameForwarded += (_, _) => clock.Activity();
            proxy.FrameHeld += (_, _) => clock.Activity();
        }
        host.Module.OutputWritten += (_, bytes) =>
        {
            if (bytes.AsSpan().IndexOf(Publish) >= 0 && Volatile.Read(ref _deliveries) > 0) Interlocked.Decrement(ref _deliveries);
        };
        clock.Watch(() => Coming);
    }

    /// <summary>The platform sent the module a message: it is on its way until the module reports it as <c>+MQTTPUBLISH</c>.</summary>
    public void DeliveryOwed() => Interlocked.Increment(ref _deliveries);

    /// <summary>The message <see cref="DeliveryOwed"/> announced was never sent (no such device connected): nothing is on its way.</summary>
    public void DeliveryNotSent() => Interlocked.Decrement(ref _deliveries);

    /// <summary>True while an answer the module waits for, or a message sent to it, is on its way.</summary>
    private bool Coming
    {
        get
        {
            var faults = _host.Faults;
            var coming = _host.Module.AwaitedAnswers
                .Where(t => t == MqttTimeoutType.Ping ? !faults.PingUnanswered : !faults.AcksDelayed).Order().ToList();
            var now = string.Join(",", coming) + "/" + Volatile.Read(ref _deliveries);
            if (now != _last)
            {
                _last = now;
                _since = Stopwatch.GetTimestamp();
            }
            return (coming.Count > 0 || Volatile.Read(ref _deliveries) > 0) && Stopwatch.GetElapsedTime(_since) < Lost;
        }
    }
}
