using Conformance.Harness.Links;
using Conformance.Harness.Timing;
using Conformance.Protocol.OneNet;

namespace Conformance.Harness.Mutation;

/// <summary>
/// The in-process module with one mutant in front of its AT port or behind its MQTT side. The broker and the
/// platform are the module's own, untouched: the mutant changes only what the harness hears, or only what the
/// broker gets.
/// </summary>
/// <param name="module">The in-process module, on the run's clock.</param>
/// <param name="mutant">The misbehaviour; null for the module as it is (the baseline).</param>
/// <param name="time">The clock delayed lines wait on: the module's.</param>
public sealed class MutantLink(EmulatorLink module, Mutant? mutant, TimeProvider time) : ILink, IBrokerControl, IPlatformView
{
    private MutantStream? _stream;

    public Mutant? Mutant => mutant;

    /// <summary>
    /// <c>mutant:NAME[,manual|field]</c>: the in-process module with the catalogue's mutant NAME in front, a faulty
    /// module to show beside good ones. Its <c>AT+CGMR</c> names the mutant, so a report tells it apart.
    /// </summary>
    public static MutantLink Parse(string argument, LinkSettings settings)
    {
        var comma = argument.IndexOf(',');
        var name = comma < 0 ? argument : argument[..comma];
        var found = MutantCatalog.All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new LinkException($"mutant target: no mutant named '{name}'; see 'conformance mutate --list', e.g. mutant:drop-suback");
        var dialect = comma < 0 ? "" : argument[(comma + 1)..];
        if (dialect.Length > 0 && !dialect.Equals("manual", StringComparison.OrdinalIgnoreCase) && !dialect.Equals("field", StringComparison.OrdinalIgnoreCase))
            throw new LinkException($"mutant target: unknown dialect '{dialect}': expected mutant:{found.Name}, mutant:{found.Name},manual or mutant:{found.Name},field");
        var module = EmulatorLink.Parse(dialect, settings, spoken => $"{EmulatorLink.RevisionOf(spoken)} mutant {found.Name}");
        // As in mutation runs: the mutant's delays run on the module's side of a virtual clock, and lines it holds
        // keep that clock still.
        var clock = settings.Time as VirtualClock;
        var link = new MutantLink(module, found, clock?.Background ?? settings.Time);
        clock?.Watch(() => link.Holding);
        return link;
    }

    /// <summary>The mutant holds module output the harness has not handled yet (see <see cref="MutantStream.Holding"/>).</summary>
    public bool Holding => _stream?.Holding ?? false;

    public string Target => mutant is null ? module.Target : $"{module.Target} mutant {mutant.Name}";

    public IReadOnlySet<string> Capabilities => module.Capabilities;

    public async Task<Stream> OpenAsync(CancellationToken cancel)
    {
        var stream = await module.OpenAsync(cancel);
        // Set before the first command: no packet leaves the module before AT+MQTTOPEN.
        if (mutant?.NewRewrite is { } newRewrite && module.Host?.Proxy is { } proxy)
        {
            var rewrite = newRewrite();
            proxy.RewriteToBroker = frame => PacketRewrites.Apply(rewrite.ToBroker, frame);
            if (rewrite.ToModule is { } toModule) proxy.RewriteToModule = frame => PacketRewrites.Apply(toModule, frame);
        }
        return mutant?.NewFilter is not { } filter ? stream : _stream = new MutantStream(stream, filter(), time);
    }

    public void StopAnsweringPings() => module.StopAnsweringPings();

    public void HoldAcks() => module.HoldAcks();

    public Task ReleaseAcksAsync() => module.ReleaseAcksAsync();

    public Task DropConnectionAsync() => module.DropConnectionAsync();

    public void MakeUnreachable() => module.MakeUnreachable();

    public void MakeUplinkBusy() => module.MakeUplinkBusy();

    public void GrantAtMost(int qos) => module.GrantAtMost(qos);

    public Task RestoreAsync() => module.RestoreAsync();

    public IReadOnlyList<DataPoint> DataPointsOf(string deviceId) => module.DataPointsOf(deviceId);

    public Task SendCommandAsync(string deviceId, string uuid, ReadOnlyMemory<byte> payload) => module.SendCommandAsync(deviceId, uuid, payload);

    // A mutant of the AT side rewrites what the module says, not what it sends: the wire shows the true ids.
    public IReadOnlyList<WireRequest>? RequestsSent() => module.RequestsSent();

    public IReadOnlyList<MQTTnet.Packets.MqttPacket>? PacketsSent() => module.PacketsSent();

    public ValueTask DisposeAsync() => module.DisposeAsync();
}
