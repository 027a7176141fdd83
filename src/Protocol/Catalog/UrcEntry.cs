using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Catalog;

/// <summary>One unsolicited result code of the catalog: how it is spelled, where the manual defines it, what it answers.</summary>
/// <param name="Name">The wire name before the colon as the manual spells it, e.g. <c>+MQTTSUBACK</c>.</param>
/// <param name="Section">The manual section that defines the URC's canonical form.</param>
/// <param name="Type">The typed record it parses to; null for a generic URC that carries no typed value (a boot banner).</param>
/// <param name="OutcomeOf">The command whose outcome it carries (<c>+MQTTSUB</c> for <c>+MQTTSUBACK</c>); null when it answers no command.</param>
/// <param name="Qos">For an outcome of <c>AT+MQTTPUB</c>: the QoS of the publish it answers.</param>
/// <param name="Follows">The URC it completes by packet id in a QoS 2 handshake (<c>+MQTTPUBREC</c> for <c>+MQTTPUBCOMP</c>).</param>
/// <param name="ByPacketId">True when it is matched to what waits for it by packet id rather than first in, first out.</param>
/// <param name="Aliases">Other spellings seen in the field, parsed to the same record (<c>+MQTTPINGRESP</c>).</param>
public sealed record UrcEntry(
    string Name, string Section, Type? Type = null, string? OutcomeOf = null, int? Qos = null,
    string? Follows = null, bool ByPacketId = false, params string[] Aliases)
{
    /// <summary>
    /// True when the module also sends it unasked, so it may answer no command: <c>+MQTTOPEN</c> after reconnecting by
    /// itself, <c>+MQTTDISC</c> when it gives up (manual §3.3.5). An outcome without this answers only its command.
    /// </summary>
    public bool AlsoUnasked { get; init; }

    /// <summary>The command an outcome answers, as a host waits for it: <c>AT+MQTTSUB</c>, <c>QoS 1 AT+MQTTPUB</c>; null for no outcome.</summary>
    public string? Answers => OutcomeOf is null ? null : Qos is { } qos ? $"QoS {qos} AT{OutcomeOf}" : $"AT{OutcomeOf}";

    /// <summary>Reads the URC's fields into its record; null for a generic URC.</summary>
    internal UrcRead? Read { get; init; }

    /// <summary>The wire name and its field spellings.</summary>
    public IEnumerable<string> Spellings => [Name, .. Aliases];
}

/// <summary>Reads one URC line, already opened by name, into its typed record; <paramref name="message"/> is a publish's message, <paramref name="inline"/> whether it followed msg_len on the same line.</summary>
internal delegate Urc UrcRead(ResponseReader reader, ReadOnlySpan<byte> message, bool inline);
