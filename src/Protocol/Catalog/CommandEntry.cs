using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Catalog;

/// <summary>One command of the catalog: its name as written after <c>AT</c>, where the manual defines it, how it is answered.</summary>
/// <param name="Name">The name after <c>AT</c>, e.g. <c>+MQTTSUB</c>; empty for the bare <c>AT</c>.</param>
/// <param name="Section">The manual section that defines it.</param>
/// <param name="Answers">True when its information lines start with its own name (<c>+CSQ: 17,99</c> answers <c>AT+CSQ</c>).</param>
/// <param name="AckTimeout">Which <c>+MQTTTO</c> type reports that the server's ACK to it did not come in time.</param>
/// <param name="NewClient">True when, answered OK, it makes the MQTT client anew or deletes it (manual §1.1, §1.8): nothing
/// the old client waited for (an ACK, a handshake step) will come after it.</param>
/// <param name="Lists">True when its read lists several information lines (<c>AT+MQTTSUB?</c>, a line per topic); every other
/// command of the catalog answers with one line at most.</param>
/// <param name="AlsoUnasked">True when the module also prints its information line unasked (<c>+CEREG: 1</c> on a
/// registration change after <c>AT+CEREG=1</c>), so one after the final result is no late answer.</param>
public sealed record CommandEntry(string Name, string Section, bool Answers = false, MqttTimeoutType? AckTimeout = null, bool NewClient = false,
    bool Lists = false, bool AlsoUnasked = false);
