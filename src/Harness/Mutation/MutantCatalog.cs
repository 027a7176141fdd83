using System.Buffers;
using System.Globalization;
using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using static Conformance.Harness.Mutation.LineFilters;
using static Conformance.Harness.Mutation.PacketRewrites;
using static Conformance.Harness.Mutation.MutantKind;

namespace Conformance.Harness.Mutation;

/// <summary>
/// The misbehaviours every suite should notice, each written by hand against the manual's line forms (spec §4),
/// not by switching the module's own faults on: a suite is only as strong as the mutants it kills.
/// </summary>
public static class MutantCatalog
{
    /// <summary>Past the longest URC wait real drivers use (15 s for <c>+MQTTOPEN</c>, spec §7).</summary>
    public static readonly TimeSpan Late = Timeouts.Urc * 4;

    /// <summary>A moment after an answer: sooner than a host takes the module to have finished (<see cref="Timeouts.Quiet"/>).</summary>
    public static readonly TimeSpan Moment = Timeouts.Quiet / 2;

    public static IReadOnlyList<Mutant> All { get; } =
    [
        // What never comes.
        new("drop-open-urc", "+MQTTOPEN: OK never comes after AT+MQTTOPEN's OK", "1.2", Semantic, () => Drop(Pick.Is("+MQTTOPEN: OK"))),
        new("drop-suback", "+MQTTSUBACK never comes", "1.4", Semantic, () => Drop(Pick.Named("+MQTTSUBACK"))),
        new("drop-sub-list-topic", "AT+MQTTSUB? leaves out the subscribed topics", "1.4", Semantic,
            () => Drop(Pick.AnsweringTo("AT+MQTTSUB?", (line, _) => !line.StartsWith('+') && line != "OK"))),
        new("drop-puback", "+MQTTPUBACK never comes for a QoS 1 publish", "1.5", Semantic, () => Drop(Pick.Named("+MQTTPUBACK"))),
        new("drop-pubcomp", "+MQTTPUBCOMP never comes after +MQTTPUBREC", "1.5", Semantic, () => Drop(Pick.Named("+MQTTPUBCOMP"))),
        new("drop-unsuback", "+MQTTUNSUBACK never comes", "1.6", Semantic, () => Drop(Pick.Named("+MQTTUNSUBACK"))),
        new("drop-disc-urc", "+MQTTDISC: OK never comes after AT+MQTTDISC's OK", "1.7", Semantic,
            () => Drop(Pick.AnsweringTo("AT+MQTTDISC", Pick.Named("+MQTTDISC")))),
        new("drop-pingrsp", "+MQTTPINGRSP never comes, whatever AT+MQTTPING says", "1.10", Semantic, () => Drop(Pick.Named("+MQTTPINGRSP"))),
        new("drop-timeout-urc", "+MQTTTO never comes when the broker holds an ACK past AT+MQTTTO", "1.9", Semantic, () => Drop(Pick.Named("+MQTTTO"))),
        new("drop-reconnect-urc", "+MQTTREC never comes while the module reconnects by itself", "3.3.5", Semantic, () => Drop(Pick.Named("+MQTTREC"))),
        new("drop-give-up-disc", "+MQTTDISC: OK never comes when reconnection gives up", "3.3.5", Semantic,
            () => Drop((line, command) => Pick.Named("+MQTTDISC")(line, command) && !command.StartsWith("AT+MQTTDISC", StringComparison.OrdinalIgnoreCase))),
        new("drop-pubrel", "+MQTTPUBREL never comes for an incoming QoS 2 publish", "1.11", Semantic, () => Drop(Pick.Named("+MQTTPUBREL"))),

        // What comes twice.
        new("duplicate-open-urc", "+MQTTOPEN: OK comes twice for one AT+MQTTOPEN", "1.2", Semantic, () => Duplicate(Pick.Named("+MQTTOPEN"))),
        new("duplicate-suback", "+MQTTSUBACK comes twice for one AT+MQTTSUB", "1.4", Semantic, () => Duplicate(Pick.Named("+MQTTSUBACK"))),
        new("duplicate-sub-list-topic", "AT+MQTTSUB? lists each topic twice", "1.4", Semantic,
            () => Duplicate(Pick.AnsweringTo("AT+MQTTSUB?", (line, _) => !line.StartsWith('+') && line != "OK"))),
        new("duplicate-pubcomp", "+MQTTPUBCOMP comes twice for one QoS 2 publish", "1.5", Semantic, () => Duplicate(Pick.Named("+MQTTPUBCOMP"))),
        new("duplicate-puback", "+MQTTPUBACK comes twice for one QoS 1 publish", "1.5", Semantic, () => Duplicate(Pick.Named("+MQTTPUBACK"))),
        new("duplicate-publish", "+MQTTPUBLISH reports one delivered message twice", "1.11", Semantic, () => Duplicate(Pick.Named("+MQTTPUBLISH"))),
        // A host that reads a reply line by line gets two answers, or takes the second OK for its next command's.
        new("duplicate-stat-line", "AT+MQTTSTAT? answers with its +MQTTSTAT line twice", "1.3", Semantic, () => Duplicate(Pick.Named("+MQTTSTAT"))),
        new("duplicate-csq-line", "AT+CSQ answers with its +CSQ line twice", "4.1", Semantic, () => Duplicate(Pick.Named("+CSQ"))),
        new("duplicate-pub-ok", "AT+MQTTPUB is answered OK twice", "1.5", Semantic, () => Duplicate(Pick.AnsweringTo("AT+MQTTPUB=", Pick.Is("OK")))),
        // Where AT+MQTTSTAT? ends a scenario, the second OK is the last line the module sends there.
        new("stat-ok-again", $"AT+MQTTSTAT?'s OK comes again {Moment.TotalSeconds:0.#} s later", "1.3", Semantic,
            () => Follow(Pick.AnsweringTo("AT+MQTTSTAT?", Pick.Is("OK")), "OK", Moment)),

        // What comes in the wrong order.
        new("swap-pubrec-pubcomp", "+MQTTPUBCOMP comes before its +MQTTPUBREC", "1.5", Semantic,
            () => Swap(Pick.Named("+MQTTPUBREC"), Pick.Named("+MQTTPUBCOMP"))),
        new("swap-publish-pubrel", "+MQTTPUBREL comes before the +MQTTPUBLISH it completes", "1.11", Semantic,
            () => Swap((line, last) => Pick.Named("+MQTTPUBLISH")(line, last) && Fields.Get(line, 1) == "2", Pick.Named("+MQTTPUBREL"))),
        // The information line after the final result: a host has closed the reply and takes it for a URC.
        new("stat-after-ok", "AT+MQTTSTAT?'s +MQTTSTAT line comes after its OK", "1.3", Semantic,
            () => Swap(Pick.Named("+MQTTSTAT"), Pick.AnsweringTo("AT+MQTTSTAT?", Pick.Is("OK")))),
        new("csq-after-ok", "AT+CSQ's +CSQ line comes after its OK", "4.1", Semantic,
            () => Swap(Pick.Named("+CSQ"), Pick.AnsweringTo("AT+CSQ", Pick.Is("OK")))),

        // What comes too late.
        new("late-open-urc", $"+MQTTOPEN: OK comes {Late.TotalSeconds:0} s late", "1.2", Semantic, () => Delay(Pick.Named("+MQTTOPEN"), Late)),
        new("late-suback", $"+MQTTSUBACK comes {Late.TotalSeconds:0} s late", "1.4", Semantic, () => Delay(Pick.Named("+MQTTSUBACK"), Late)),
        new("late-puback", $"+MQTTPUBACK comes {Late.TotalSeconds:0} s late", "1.5", Semantic, () => Delay(Pick.Named("+MQTTPUBACK"), Late)),
        new("late-pub-ok", $"AT+MQTTPUB's OK comes {Late.TotalSeconds:0} s late", "1.5", Semantic,
            () => Delay(Pick.AnsweringTo("AT+MQTTPUB=", Pick.Is("OK")), Late)),

        // What says something else.
        new("open-fail", "+MQTTOPEN: FAIL although the broker accepted the connection", "1.2", Semantic,
            () => Rewrite(Pick.Is("+MQTTOPEN: OK"), _ => "+MQTTOPEN: FAIL")),
        new("stat-5-says-4", "AT+MQTTSTAT? says 4 (reconnecting) while connected", "1.3", Semantic,
            () => Rewrite(Pick.Is("+MQTTSTAT: 5"), _ => "+MQTTSTAT: 4")),
        new("stat-1-says-2", "AT+MQTTSTAT? says 2 (disconnected) right after AT+MQTTCFG", "1.3", Semantic,
            () => Rewrite(Pick.Is("+MQTTSTAT: 1"), _ => "+MQTTSTAT: 2")),
        new("stat-2-says-5", "AT+MQTTSTAT? still says 5 (connected) after AT+MQTTDISC", "1.3", Semantic,
            () => Rewrite(Pick.Is("+MQTTSTAT: 2"), _ => "+MQTTSTAT: 5")),
        new("stat-0-says-1", "AT+MQTTSTAT? says 1 (initialised) when there is no instance", "1.3", Semantic,
            () => Rewrite(Pick.Is("+MQTTSTAT: 0"), _ => "+MQTTSTAT: 1")),
        new("sub-refused", "AT+MQTTSUB is answered ERROR though the topic is then subscribed", "1.4", Semantic,
            () => Rewrite(Pick.AnsweringTo("AT+MQTTSUB=", Pick.Is("OK")), _ => "ERROR")),
        new("suback-failure-code", "+MQTTSUBACK reports 128 (failure) instead of the granted QoS", "1.4", Semantic,
            () => Rewrite(Pick.Named("+MQTTSUBACK"), line => Fields.Set(line, 1, _ => "128"))),
        new("pubcomp-wrong-packet-id", "+MQTTPUBCOMP carries another packet id than its +MQTTPUBREC", "1.5", Semantic,
            () => Rewrite(Pick.Named("+MQTTPUBCOMP"), line => Fields.Set(line, 1, Fields.Next))),
        new("puback-wrong-packet-id", "+MQTTPUBACK carries another packet id than the publish it acknowledges", "1.5", Semantic,
            () => Rewrite(Pick.Named("+MQTTPUBACK"), line => Fields.Set(line, 0, Fields.Next))),
        new("suback-wrong-packet-id", "+MQTTSUBACK carries another packet id than the subscription it acknowledges", "1.4", Semantic,
            () => Rewrite(Pick.Named("+MQTTSUBACK"), line => Fields.Set(line, 0, Fields.Next))),
        new("unsuback-wrong-packet-id", "+MQTTUNSUBACK carries another packet id than the unsubscription it acknowledges", "1.6", Semantic,
            () => Rewrite(Pick.Named("+MQTTUNSUBACK"), line => Fields.Set(line, 0, Fields.Next))),
        new("suback-qos-upgraded", "+MQTTSUBACK grants a higher QoS than asked", "1.4", Semantic,
            () => Rewrite((line, _) => line.StartsWith("+MQTTSUBACK:", StringComparison.Ordinal) && Fields.Get(line, 1) is "0" or "1", line => Fields.Set(line, 1, Fields.Next))),
        // Right while the broker grants what was asked; wrong the day it grants less.
        new("suback-reports-asked-qos", "+MQTTSUBACK reports the QoS AT+MQTTSUB asked, not the lower one the broker granted", "1.4", Semantic,
            () => Rewrite(Pick.AnsweringTo("AT+MQTTSUB=", Pick.Named("+MQTTSUBACK")), (line, command) =>
                AtCommandParser.Parse(command).Value is MqttSub asked ? Fields.Set(line, 1, _ => asked.Qos.ToString(CultureInfo.InvariantCulture)) : line)),
        new("disc-refused", "AT+MQTTDISC on a connection is answered +CME ERROR: 3", "1.7", Semantic,
            () => Rewrite(Pick.AnsweringTo("AT+MQTTDISC", Pick.Is("OK")), _ => "+CME ERROR: 3")),
        new("del-refused", "AT+MQTTDEL is answered ERROR", "1.8", Semantic,
            () => Rewrite(Pick.AnsweringTo("AT+MQTTDEL", Pick.Is("OK")), _ => "ERROR")),
        new("timeout-wrong-type", "+MQTTTO names the wrong packet type (publish as subscribe, …)", "1.9", Semantic,
            () => Rewrite(Pick.Named("+MQTTTO"), line => Fields.Set(line, 0, Fields.Next))),
        new("pubrel-wrong-packet-id", "+MQTTPUBREL carries another packet id than its +MQTTPUBLISH", "1.11", Semantic,
            () => Rewrite(Pick.Named("+MQTTPUBREL"), line => Fields.Set(line, 1, Fields.Next))),
        new("publish-msg-len-in-characters", "+MQTTPUBLISH counts its message in characters, not bytes (UTF-8 text)", "1.11", Semantic,
            () => Rewrite(Pick.Named("+MQTTPUBLISH"), Fields.CharacterCount)),
        new("publish-payload-corrupted", "+MQTTPUBLISH delivers a message with its last byte changed", "1.11", Semantic,
            () => Rewrite(Pick.Named("+MQTTPUBLISH"), line => line[..^1] + (char)(line[^1] ^ 0x01))),
        new("publish-qos-downgraded", "+MQTTPUBLISH reports QoS 0 for a message delivered at QoS 1", "1.11", Semantic,
            () => Rewrite((line, _) => line.StartsWith("+MQTTPUBLISH:", StringComparison.Ordinal) && Fields.Get(line, 1) == "1", line => Fields.Set(line, 1, _ => "0"))),
        new("publish-marked-dup", "+MQTTPUBLISH flags a first delivery as a duplicate (dup 1)", "1.11", Semantic,
            () => Rewrite(Pick.Named("+MQTTPUBLISH"), line => Fields.Set(line, 0, _ => "1"))),
        new("publish-marked-retained", "+MQTTPUBLISH flags a message published without retain as retained", "1.11", Semantic,
            () => Rewrite(Pick.Named("+MQTTPUBLISH"), line => Fields.Set(line, 2, _ => "1"))),
        new("publish-wrong-topic", "+MQTTPUBLISH names another topic than the one published on", "1.11", Semantic,
            () => Rewrite(Pick.Named("+MQTTPUBLISH"), line => line.Insert(line.IndexOf('"') + 1, "x"))),
        new("cme-601-says-602", "a syntax error is reported as +CME ERROR: 602", "2", Semantic,
            () => Rewrite(Pick.Is("+CME ERROR: 601"), _ => "+CME ERROR: 602")),
        new("cme-602-says-601", "a command in the wrong state is reported as +CME ERROR: 601", "2", Semantic,
            () => Rewrite(Pick.Is("+CME ERROR: 602"), _ => "+CME ERROR: 601")),
        new("cme-651-says-653", "an operation not allowed is reported as +CME ERROR: 653", "2", Semantic,
            () => Rewrite(Pick.Is("+CME ERROR: 651"), _ => "+CME ERROR: 653")),
        new("cme-3-says-651", "AT+MQTTDISC without a connection is +CME ERROR: 651 instead of 3", "2", Semantic,
            () => Rewrite(Pick.Is("+CME ERROR: 3"), _ => "+CME ERROR: 651")),
        new("cfg-read-wrong-keepalive", "AT+MQTTCFG? reads back another keepAlive than was configured", "1.1", Semantic,
            () => Rewrite(Pick.Named("+MQTTCFG"), line => Fields.Set(line, 3, Fields.Next))),
        new("password-echoed", "AT+MQTTCFG? shows the password instead of ***", "1.1", Semantic, () => new PasswordEcho()),
        new("cgatt-detached", "AT+CGATT? says 0 (detached) on an attached module", "4.1", Semantic,
            () => Rewrite(Pick.Is("+CGATT: 1"), _ => "+CGATT: 0")),
        new("cereg-searching", "AT+CEREG? says 2 (searching) on a registered module", "4.1", Semantic,
            () => Rewrite(Pick.Named("+CEREG"), line => Fields.Set(line, 1, _ => "2"))),
        new("csq-out-of-range", "AT+CSQ reports an rssi of 45, outside 0..31 and 99", "4.1", Semantic,
            () => Rewrite(Pick.Named("+CSQ"), line => Fields.Set(line, 0, _ => "45"))),
        new("disc-urc-fail", "+MQTTDISC: FAIL although the disconnection succeeded", "1.7", Semantic,
            () => Rewrite(Pick.AnsweringTo("AT+MQTTDISC", Pick.Is("+MQTTDISC: OK")), _ => "+MQTTDISC: FAIL")),
        new("cme-error-plain", "a +CME ERROR is reported as a bare ERROR, its code lost", "2", Semantic,
            () => Rewrite(Pick.Named("+CME ERROR"), _ => "ERROR")),

        // What comes although the manual says it must not.
        // Unasked, +MQTTDISC only ends reconnection attempts that failed: a host re-opens a session that is still up.
        new("disc-urc-unasked", "+MQTTDISC: OK follows a +MQTTSUBACK, unasked and with no reconnection before it, the module still connected", "3.3.5", Semantic,
            () => Append(Pick.Named("+MQTTSUBACK"), "+MQTTDISC: OK")),
        // A host that reads lines pairs the second OK with its next command.
        new("disc-ok-twice", "AT+MQTTDISC's +MQTTDISC: OK is followed by a second OK", "1.7", Semantic,
            () => Append(Pick.AnsweringTo("AT+MQTTDISC", Pick.Is("+MQTTDISC: OK")), "OK")),
        // A host waiting for the acknowledgement of its next publish takes this one for it.
        new("puback-after-refused-pub", $"a refused AT+MQTTPUB gets a +MQTTPUBACK all the same, {Moment.TotalSeconds:0.#} s after its error, for a packet id never published", "1.5", Semantic,
            () => Follow(Pick.AnsweringTo("AT+MQTTPUB=", (line, _) => line == "ERROR" || line.StartsWith("+CME ERROR", StringComparison.Ordinal)), "+MQTTPUBACK: 1,1", Moment)),
        new("reconnect-after-disc", "+MQTTREC: 0 follows a deliberate AT+MQTTDISC", "3.3.5", Semantic,
            () => Append(Pick.AnsweringTo("AT+MQTTDISC", Pick.Is("+MQTTDISC: OK")), "+MQTTREC: 0")),

        // What the broker gets (spec §3, §6): the AT lines are right, the packet is not what the command asked.
        new("connect-keepalive-zero", "CONNECT says keepAlive 0 (no keep-alive at all) whatever AT+MQTTCFG set", "1.1", Semantic, null,
            Change<MqttConnectPacket>(c => c.KeepAlivePeriod = 0)),
        new("connect-clean-session-forced", "CONNECT asks a clean session although AT+MQTTCFG's clean is 0", "1.1", Semantic, null,
            Change<MqttConnectPacket>(c => c.CleanSession = true)),
        new("connect-clean-session-dropped", "CONNECT keeps the session (clean session 0) although AT+MQTTCFG's clean is 1", "1.1", Semantic, null,
            Change<MqttConnectPacket>(c => c.CleanSession = false)),
        new("connect-client-id-changed", "CONNECT carries another client id than AT+MQTTCFG's id: its last character dropped", "1.1", Semantic, null,
            Change<MqttConnectPacket>(c => c.ClientId = c.ClientId[..^1], c => c.ClientId.Length > 1)),
        new("connect-user-name-changed", "CONNECT carries another user name than AT+MQTTCFG's user: its last character dropped", "1.1", Semantic, null,
            Change<MqttConnectPacket>(c => c.Username = c.Username![..^1], c => c.Username is { Length: > 1 })),
        new("connect-password-changed", "CONNECT carries another password than AT+MQTTCFG's passwd: its last byte decoded wrongly", "1.1", Semantic, null,
            Change<MqttConnectPacket>(c => c.Password = LastByteChanged(c.Password!), c => c.Password is { Length: > 0 })),
        new("connect-without-credentials", "CONNECT carries no user name and no password although AT+MQTTOPEN's flags are 1", "1.2", Semantic, null,
            Change<MqttConnectPacket>(c => (c.Username, c.Password) = (null, null))),
        new("connect-will-dropped", "CONNECT carries no will although AT+MQTTOPEN set one", "1.2", Semantic, null,
            Change<MqttConnectPacket>(c => (c.WillFlag, c.WillTopic, c.WillMessage, c.WillQoS, c.WillRetain) = (false, null, null, MqttQualityOfServiceLevel.AtMostOnce, false))),
        new("connect-will-topic-changed", "CONNECT's will topic is not AT+MQTTOPEN's will-topic: cut at its last '/'", "1.2", Semantic, null,
            Change<MqttConnectPacket>(c => c.WillTopic = CutAtLastSlash(c.WillTopic!), c => c.WillFlag && c.WillTopic?.Contains('/') == true)),
        new("connect-will-message-changed", "CONNECT's will message is AT+MQTTOPEN's will-mesg with its last byte decoded wrongly", "1.2", Semantic, null,
            Change<MqttConnectPacket>(c => c.WillMessage = LastByteChanged(c.WillMessage!), c => c.WillFlag && c.WillMessage is { Length: > 0 })),
        new("connect-will-qos-0", "CONNECT's will QoS is 0 whatever AT+MQTTOPEN's willQos asked", "1.2", Semantic, null,
            Change<MqttConnectPacket>(c => c.WillQoS = MqttQualityOfServiceLevel.AtMostOnce, c => c.WillFlag)),
        new("connect-will-retain-forced", "CONNECT's will retain is 1 although AT+MQTTOPEN's willRetain is 0", "1.2", Semantic, null,
            Change<MqttConnectPacket>(c => c.WillRetain = true, c => c.WillFlag)),
        new("publish-topic-changed", "PUBLISH goes to another topic than AT+MQTTPUB named: cut at its last '/'", "1.5", Semantic, null,
            Change<MqttPublishPacket>(m => m.Topic = CutAtLastSlash(m.Topic), m => m.Topic.Contains('/'))),
        new("publish-retain-dropped", "PUBLISH goes out with retain 0 although AT+MQTTPUB asked 1", "1.5", Semantic, null,
            Change<MqttPublishPacket>(m => m.Retain = false)),
        new("publish-retain-forced", "PUBLISH goes out with retain 1 although AT+MQTTPUB asked 0", "1.5", Semantic, null,
            Change<MqttPublishPacket>(m => m.Retain = true)),
        // MQTT allows DUP 1 only on a resent QoS 1 or 2 PUBLISH: a QoS 0 one with it is a malformed packet, not this mutant.
        new("publish-dup-set", "PUBLISH goes out with DUP 1 the first time although the module forces DUP to 0", "1.5", Semantic, null,
            Change<MqttPublishPacket>(m => m.Dup = true, m => m.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce)),
        new("publish-last-byte-changed", "PUBLISH carries the AT+MQTTPUB message with its last byte decoded wrongly", "1.5", Semantic, null,
            Change<MqttPublishPacket>(m => m.PayloadSegment = LastByteChanged(m.Payload.ToArray()), m => !m.Payload.IsEmpty)),
        new("publish-qos-1-sent-as-2", "PUBLISH goes out at QoS 2 although AT+MQTTPUB asked 1", "1.5", Semantic, null,
            Change<MqttPublishPacket>(m => m.QualityOfServiceLevel = MqttQualityOfServiceLevel.ExactlyOnce, m => m.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtLeastOnce)),
        new("publish-qos-2-sent-as-1", "PUBLISH goes out at QoS 1 although AT+MQTTPUB asked 2; +MQTTPUBREC and +MQTTPUBCOMP still come, faked from the PUBACK", "1.5", Semantic, null,
            PublishQosRewrite.SentAsQos1(MqttQualityOfServiceLevel.ExactlyOnce)),
        new("publish-qos-0-sent-as-1", "PUBLISH goes out at QoS 1, with a packet id, although AT+MQTTPUB asked 0; the PUBACK is ignored, so only OK comes", "1.5", Semantic, null,
            PublishQosRewrite.SentAsQos1(MqttQualityOfServiceLevel.AtMostOnce)),
        new("publish-qos-1-sent-as-0", "PUBLISH goes out at QoS 0, without a packet id, although AT+MQTTPUB asked 1", "1.5", Semantic, null,
            Change<MqttPublishPacket>(m => (m.QualityOfServiceLevel, m.PacketIdentifier) = (MqttQualityOfServiceLevel.AtMostOnce, 0), m => m.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtLeastOnce)),
        new("dp-header-dropped", "a $dp PUBLISH goes out without its type and length header (spec §6)", "3.3.3", Semantic, null,
            Change<MqttPublishPacket>(m => m.PayloadSegment = m.Payload.ToArray()[3..], m => m.Topic == "$dp" && m.Payload.Length > 3)),
        new("subscribe-qos-0", "SUBSCRIBE asks QoS 0 whatever AT+MQTTSUB asked", "1.4", Semantic, null,
            Change<MqttSubscribePacket>(s => { foreach (var f in s.TopicFilters) f.QualityOfServiceLevel = MqttQualityOfServiceLevel.AtMostOnce; })),
        new("subscribe-topic-changed", "SUBSCRIBE asks another topic filter than AT+MQTTSUB named: its last character dropped, a trailing '#' with it", "1.4", Semantic, null,
            Change<MqttSubscribePacket>(s => { foreach (var f in s.TopicFilters) f.Topic = LastCharacterDropped(f.Topic); })),
        new("unsubscribe-topic-changed", "UNSUBSCRIBE names another topic filter than AT+MQTTUNSUB: its last character dropped", "1.6", Semantic, null,
            Change<MqttUnsubscribePacket>(u => { for (var i = 0; i < u.TopicFilters.Count; i++) u.TopicFilters[i] = LastCharacterDropped(u.TopicFilters[i]); })),

        // What the broker never gets (spec §3): every AT line is right, but a packet MQTT requires is not sent.
        new("disconnect-not-sent", "AT+MQTTDISC drops the connection without a DISCONNECT, so the broker publishes the will", "1.7", Semantic, null,
            Drop<MqttDisconnectPacket>()),
        new("puback-not-sent", "a QoS 1 message is reported by +MQTTPUBLISH but never acknowledged to the broker with PUBACK", "1.11", Semantic, null,
            Drop<MqttPubAckPacket>()),
        new("pubcomp-not-sent", "a QoS 2 message's +MQTTPUBREL comes, but the broker never gets its PUBCOMP", "1.11", Semantic, null,
            Drop<MqttPubCompPacket>()),
        new("pubrel-not-sent", "a QoS 2 publish gets its PUBREC, but no PUBREL follows, so the broker never completes it", "1.5", Semantic, null,
            Drop<MqttPubRelPacket>()),
        new("pingreq-not-sent", "no PINGREQ goes out when the keep-alive is due", "1.10", Semantic, null,
            Drop<MqttPingReqPacket>()),

        // Forms seen in the field (spec §7): a finding, not a failure.
        new("stat-no-space", "+MQTTSTAT:5 without the space after the colon", "1.3", FormatOnly,
            () => Rewrite(Pick.Named("+MQTTSTAT"), Fields.WithoutSpace)),
        new("cgatt-no-space", "+CGATT:1 without the space after the colon", "4.1", FormatOnly,
            () => Rewrite(Pick.Named("+CGATT"), Fields.WithoutSpace)),
        new("open-urc-no-space", "+MQTTOPEN:OK without the space after the colon", "1.11", FormatOnly,
            () => Rewrite(Pick.Named("+MQTTOPEN"), Fields.WithoutSpace)),
        new("cme-error-no-space", "+CME ERROR:601 without the space after the colon", "2", FormatOnly,
            () => Rewrite(Pick.Named("+CME ERROR"), Fields.WithoutSpace)),
        new("suback-unquoted-topic", "+MQTTSUBACK names its topic without quotes", "1.11", FormatOnly,
            () => Rewrite(Pick.Named("+MQTTSUBACK"), line => line.Replace("\"", "", StringComparison.Ordinal))),
        new("publish-unquoted-topic", "+MQTTPUBLISH names its topic without quotes", "1.11", FormatOnly,
            () => Rewrite(Pick.Named("+MQTTPUBLISH"), Fields.UnquoteFirst)),
        new("unsuback-with-topic", "+MQTTUNSUBACK names the topic after the packet id, as field firmware does", "1.11", FormatOnly,
            () => Rewrite(Pick.Named("+MQTTUNSUBACK"), (line, command) => $"{line},{command[(command.IndexOf('=') + 1)..]}")),
        // An outcome before its command's OK is taken as that outcome (docs/interpretation.md): an order finding.
        new("swap-open-ok-urc", "+MQTTOPEN: OK comes before AT+MQTTOPEN's own OK", "1.2", FormatOnly,
            () => Swap(Pick.AnsweringTo("AT+MQTTOPEN", Pick.Is("OK")), Pick.Named("+MQTTOPEN"))),
        new("puback-before-ok", "+MQTTPUBACK comes before AT+MQTTPUB's own OK", "1.5", FormatOnly,
            () => Precede((line, command) => line == "OK" && AtCommandParser.Parse(command).Value is MqttPub { Qos: 1 }, Pick.Named("+MQTTPUBACK"))),
        new("suback-before-ok", "+MQTTSUBACK comes before AT+MQTTSUB's own OK", "1.4", FormatOnly,
            () => Precede(Pick.AnsweringTo("AT+MQTTSUB=", Pick.Is("OK")), Pick.Named("+MQTTSUBACK"))),
        // Read as OK (docs/interpretation.md rule 2); a host that compares the line whole misses it.
        new("ok-trailing-space", "every OK is sent as 'OK ', a space after it", "1.11", FormatOnly, () => Rewrite(Pick.Is("OK"), _ => "OK ")),
        new("password-mask-form", "AT+MQTTCFG? masks the password as ***** instead of ***", "1.1", FormatOnly,
            () => Rewrite(Pick.Named("+MQTTCFG"), line => line.Replace(",***,", ",*****,", StringComparison.Ordinal))),
    ];

    private static byte[] LastByteChanged(byte[] message)
    {
        message[^1] ^= 1;
        return message;
    }

    // As a firmware that reads a topic level by level and loses the last one.
    private static string CutAtLastSlash(string topic) => topic[..topic.LastIndexOf('/')];

    // As a firmware whose length is one short: a one-character filter stays, an empty one is not MQTT.
    private static string LastCharacterDropped(string text) => text.Length > 1 ? text[..^1] : text;

    /// <summary>
    /// The mutants that break a section <paramref name="scenarios"/> check (the section itself, one above or one
    /// below it), only the one named <paramref name="name"/> when given.
    /// </summary>
    public static IReadOnlyList<Mutant> For(IReadOnlyList<Running.SelectedScenario> scenarios, string? name = null)
    {
        var sections = scenarios.Select(s => s.Scenario.Section).ToHashSet();
        return [.. All.Where(m => (name is null || m.Name == name) && sections.Any(s => Related(s, m.Section)))];
    }

    private static bool Related(string a, string b) =>
        a == b || a.StartsWith(b + ".", StringComparison.Ordinal) || b.StartsWith(a + ".", StringComparison.Ordinal);
}
