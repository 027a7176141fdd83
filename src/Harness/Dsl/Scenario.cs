using System.Runtime.CompilerServices;
using Conformance.Harness.Links;
using Conformance.Protocol.Commands;
using Conformance.Protocol.OneNet;
using Conformance.Protocol.Responses;

namespace Conformance.Harness.Dsl;

/// <summary>
/// A sequence of steps that checks one behaviour of the manual, written like the manual's own examples:
/// <c>Scenario("1.4 subscribe").Send(Mqtt.Sub("t", 2)).ExpectOk().ThenUrc&lt;SubAck&gt;(a =&gt; a.Code == 2)</c>.
/// </summary>
public sealed class Scenario
{
    private readonly List<Step> _steps = [];
    private readonly HashSet<string> _requires = [];
    private string _section;

    /// <param name="title">The manual section first, then what is checked: <c>1.3 MQTTSTAT after CFG</c>.</param>
    public Scenario(string title)
    {
        var space = title.IndexOf(' ');
        if (space <= 0 || !char.IsDigit(title[0]))
            throw new ArgumentException($"title '{title}' must start with the manual section, e.g. '1.3 MQTTSTAT after CFG'", nameof(title));
        _section = title[..space];
        Name = title[(space + 1)..];
    }

    /// <summary>The manual section the scenario as a whole checks.</summary>
    public string Section => _section;

    public string Name { get; }

    public string Title => $"{Section} {Name}";

    public IReadOnlyList<Step> Steps => _steps;

    /// <summary>What the target must provide (see <see cref="Links.Capabilities"/>).</summary>
    public IReadOnlySet<string> Requirements => _requires;

    public Scenario Requires(params string[] capabilities)
    {
        _requires.UnionWith(capabilities);
        return this;
    }

    /// <summary>Starts from no client instance: disconnects and deletes whatever an earlier scenario left (see <see cref="ResetStep"/>).</summary>
    public Scenario Reset() => Add(new ResetStep(Timeouts.Urc));   // +MQTTDISC: OK is an outcome URC: it may take as long as one

    public Scenario Send(AtCommand command, TimeSpan? within = null) => Add(new SendStep(command, within ?? Timeouts.Command));

    public Scenario ExpectOk() => Add(new ExpectResultStep("OK", r => r.Kind == FinalResultKind.Ok));

    public Scenario ExpectError() => Add(new ExpectResultStep("ERROR or +CME ERROR", r => r.Kind != FinalResultKind.Ok));

    /// <summary>The last command's final result is <c>+CME ERROR: code</c>, or one of <paramref name="alternatives"/> where the manual allows several.</summary>
    public Scenario ExpectCmeError(int code, params int[] alternatives)
    {
        int[] codes = [code, .. alternatives];
        return Add(new ExpectResultStep(string.Join(" or ", codes.Select(c => $"+CME ERROR: {c}")),
            r => r.Kind == FinalResultKind.CmeError && codes.Contains(r.ErrorCode ?? -1)));
    }

    /// <summary>The last command's answer holds a <typeparamref name="T"/> line meeting <paramref name="condition"/>.</summary>
    public Scenario ExpectInfo<T>(Func<T, bool> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null)
        where T : InformationResponse => Add(new ExpectInfoStep<T>(condition, conditionText ?? "the condition"));

    /// <summary>The last command's <typeparamref name="T"/> lines, all together, meet <paramref name="condition"/>: a list, each entry once.</summary>
    public Scenario ExpectInfoLines<T>(Func<IReadOnlyList<T>, bool> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null)
        where T : InformationResponse => Add(new ExpectInfoLinesStep<T>(condition, conditionText ?? "the condition"));

    /// <summary>Then a URC of type <typeparamref name="T"/> meeting <paramref name="condition"/> arrives within the time.</summary>
    public Scenario ThenUrc<T>(Func<T, bool>? condition = null, TimeSpan? within = null,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null) where T : Urc =>
        ThenUrcs(within, UrcPattern.Of(condition, conditionText));

    /// <summary>Then all these URC sequences arrive within the time, each in its order, interleaved freely.</summary>
    public Scenario ThenUrcs(params UrcSequence[] sequences) => ThenUrcs(null, sequences);

    public Scenario ThenUrcs(TimeSpan? within, params UrcSequence[] sequences) =>
        Add(new ExpectUrcsStep(sequences, within ?? Timeouts.Urc));

    /// <summary>No URC arrives that no step took, listening for <paramref name="quiet"/>.</summary>
    public Scenario NoOtherUrcs(TimeSpan? quiet = null) => Add(new NoOtherUrcsStep(quiet ?? Timeouts.Quiet));

    /// <summary>Acts on the broker: <c>.Broker(b =&gt; b.StopAnsweringPings())</c>. Needs <see cref="Links.Capabilities.BrokerControl"/>.</summary>
    public Scenario Broker(Action<IBrokerControl> action, [CallerArgumentExpression(nameof(action))] string? actionText = null) =>
        Broker(b => { action(b); return Task.CompletedTask; }, actionText);

    public Scenario Broker(Func<IBrokerControl, Task> action, [CallerArgumentExpression(nameof(action))] string? actionText = null) =>
        Requires(Capabilities.BrokerControl).Add(new BrokerStep(action, actionText ?? "the action"));

    /// <summary>
    /// The packet id <paramref name="id"/> (taken from <c>+MQTTPUBACK</c>, <c>+MQTTPUBREC</c>, <c>+MQTTSUBACK</c> or
    /// <c>+MQTTUNSUBACK</c>) is the one the module's last request carried on the wire. A target that does not show its
    /// packets (a live module) skips the check, not the scenario.
    /// </summary>
    public Scenario ExpectWirePacketId(CapturedPacketId id) => Add(new ExpectWirePacketIdStep(id));

    /// <summary>
    /// The module's last <typeparamref name="T"/> on the wire (<c>MqttConnectPacket</c>, <c>MqttPublishPacket</c>,
    /// <c>MqttSubscribePacket</c>, <c>MqttUnsubscribePacket</c>) meets <paramref name="condition"/> within the time: the broker got what the AT
    /// command asked. A target that does not show its packets (a live module) skips the check, not the scenario.
    /// </summary>
    public Scenario ExpectSent<T>(Func<T, bool> condition, TimeSpan? within = null,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null) where T : MQTTnet.Packets.MqttPacket =>
        Add(new ExpectSentStep<T>(condition, conditionText ?? "the condition", within ?? Timeouts.Urc));

    /// <summary>
    /// The module's last PUBLISH on the wire in this scenario carries what its last <c>AT+MQTTPUB</c> asked (topic, QoS,
    /// retain, message) with DUP 0, within the time; the failure names each field that differs. A target that does not
    /// show its packets skips the check, not the scenario.
    /// </summary>
    public Scenario ExpectWirePublish(TimeSpan? within = null) => Add(new ExpectWirePublishStep(within ?? Timeouts.Urc));

    /// <summary>
    /// The module's last packet on the wire, of any kind, is a <typeparamref name="T"/> within the time: after
    /// AT+MQTTDISC, a DISCONNECT, not a connection just dropped (which has the broker publish the will).
    /// </summary>
    public Scenario ExpectLastSent<T>(TimeSpan? within = null) where T : MQTTnet.Packets.MqttPacket =>
        Add(new ExpectSentStep<MQTTnet.Packets.MqttPacket>(p => p is T, $"it is a {WirePacketText.NameOf(typeof(T))}", within ?? Timeouts.Urc));

    /// <summary>
    /// The module acknowledged on the wire the broker's message that <paramref name="id"/> was taken from (a
    /// <c>+MQTTPUBLISH</c>): PUBACK at QoS 1, PUBREC then PUBCOMP at QoS 2. A target that does not show its packets skips the check.
    /// </summary>
    public Scenario ExpectWireAck(CapturedPacketId id, int qos, TimeSpan? within = null) => qos is 1 or 2
        ? Add(new ExpectWireAckStep(id, qos, within ?? Timeouts.Urc))
        : throw new ArgumentOutOfRangeException(nameof(qos), qos, "only a QoS 1 or 2 message is acknowledged");

    /// <summary>The platform shows data points of <paramref name="deviceId"/> meeting <paramref name="condition"/> within the time.</summary>
    public Scenario ExpectOnPlatform(string deviceId, Func<IReadOnlyList<DataPoint>, bool> condition, TimeSpan? within = null,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null) =>
        Requires(Capabilities.BrokerView).Add(new ExpectOnPlatformStep(deviceId, condition, conditionText ?? "the condition", within ?? Timeouts.Urc));

    /// <summary>The platform sends <paramref name="payload"/> to <paramref name="deviceId"/> on <c>$creq/&lt;uuid&gt;</c>.</summary>
    public Scenario PlatformCommand(string deviceId, string uuid, string payload) =>
        Requires(Capabilities.BrokerView).Add(new PlatformCommandStep(deviceId, uuid, payload));

    /// <summary>One <c>AT+MQTTPING</c> value shows ping reports within <paramref name="window"/>, the other hides them (see <see cref="PingReportsStep"/>).</summary>
    public Scenario ExpectPingReportsSwitchable(TimeSpan window) => Add(new PingReportsStep(window) { Section = "1.10" });

    /// <summary>Names the manual section the last step checks, where it is not the last command's.</summary>
    public Scenario Checks(string section)
    {
        _steps[^1].Section = section;
        return this;
    }

    private Scenario Add(Step step)
    {
        // A step checks the section of the command it follows, unless told otherwise.
        if (step.Section.Length == 0)
            step.Section = _steps.OfType<SendStep>().LastOrDefault()?.Section ?? _section;
        _steps.Add(step);
        return this;
    }

    public override string ToString() => Title;
}
