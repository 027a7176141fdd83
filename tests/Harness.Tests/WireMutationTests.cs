using Conformance.Emulator.Faults;
using Conformance.Harness.Mutation;
using Conformance.Harness.Tests.Doubles;
using Conformance.Harness.Dsl;
using Conformance.Harness.Running;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using MQTTnet.Packets;

namespace Conformance.Harness.Tests;

/// <summary>
/// Mutants of the module's MQTT side: its AT lines are right, the packet the broker gets is not what the command
/// asked. The scenario of the section each breaks kills it, and the module as it is passes that scenario.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class WireMutationTests
{
    public static IEnumerable<TestCaseData> WireMutants()
    {
        const string Cfg = "1.1 CONNECT carries CFG's id, user, passwd, keepAlive and clean 0";
        const string Will = "1.2 OPEN with a will topic and message connects";
        const string Qos0 = "1.5 QoS 0 publish is answered OK and nothing else";
        const string Qos1 = "1.5 QoS 1 publish is acknowledged by +MQTTPUBACK";
        const string Qos2 = "1.5 QoS 2 publish gets +MQTTPUBREC then +MQTTPUBCOMP with the same packet id";
        yield return Case("connect-keepalive-zero", Cfg, "it sent CONNECT client id \"4069959\", user name \"75829\", password ***, clean session 0, keepAlive 0");
        yield return Case("connect-clean-session-forced", Cfg, "clean session 1, keepAlive 60");
        yield return Case("connect-clean-session-dropped", "1.1 CONNECT asks a clean session when CFG's clean is 1", "clean session 0, keepAlive 60");
        yield return Case("connect-client-id-changed", Cfg, "it sent CONNECT client id \"406995\", user name \"75829\"");
        yield return Case("connect-user-name-changed", Cfg, "it sent CONNECT client id \"4069959\", user name \"7582\", password ***");
        // The password is never shown: every field that is shown is right.
        yield return Case("connect-password-changed", Cfg, "it sent CONNECT client id \"4069959\", user name \"75829\", password ***, clean session 0, keepAlive 60, no will");
        yield return Case("connect-without-credentials", "1.2 open reports +MQTTOPEN: OK after OK", "user name none, password none");
        yield return Case("connect-will-dropped", Will, "keepAlive 60, no will");
        yield return Case("connect-will-topic-changed", Will, "will \"dev/gsm/u\" message \"offline\"");
        yield return Case("connect-will-message-changed", Will, "will \"dev/gsm/u/will\" message \"offlind\"");
        yield return Case("connect-will-qos-0", Will, "message \"offline\" (7 bytes) QoS 0 retain 0");
        yield return Case("connect-will-retain-forced", Will, "message \"offline\" (7 bytes) QoS 1 retain 1");
        yield return Case("publish-topic-changed", Qos0, "asked: topic \"dev/gsm\" instead of \"dev/gsm/u\"; it sent PUBLISH \"dev/gsm\" QoS 0 retain 0");
        yield return Case("publish-retain-dropped", "1.5 a retained publish goes out with retain 1",
            "the module's PUBLISH is not what AT+MQTTPUB=\"dev/gsm/u/retained\",1,1,0,0,\"kept\" asked: retain 0 instead of 1; it sent PUBLISH \"dev/gsm/u/retained\" QoS 1 retain 0 dup 0, message \"kept\" (4 bytes)");
        yield return Case("publish-retain-forced", Qos1, "asked: retain 1 instead of 0; it sent PUBLISH \"dev/gsm/u\" QoS 1 retain 1 dup 0");
        yield return Case("publish-dup-set", Qos1, "AT+MQTTPUB=\"dev/gsm/u\",1,0,0,0,\"qos one\" asked: DUP 1 on its first transmission, where MQTT requires 0; it sent PUBLISH \"dev/gsm/u\" QoS 1 retain 0 dup 1");
        yield return Case("publish-dup-set", Qos2, "asked: DUP 1 on its first transmission, where MQTT requires 0; it sent PUBLISH \"dev/gsm/u\" QoS 2 retain 0 dup 1");
        yield return Case("publish-last-byte-changed", Qos1, "message \"qos ond\"");
        yield return Case("publish-qos-1-sent-as-2", Qos1, "got only '+MQTTPUBREC:");
        // Every AT line is the QoS asked: +MQTTPUBREC and +MQTTPUBCOMP faked from the PUBACK, the PUBACK of a QoS 0 message ignored.
        yield return Case("publish-qos-2-sent-as-1", Qos2, "AT+MQTTPUB=\"dev/gsm/u\",2,0,0,0,\"qos two\" asked: QoS 1 instead of 2; it sent PUBLISH \"dev/gsm/u\" QoS 1 retain 0 dup 0");
        yield return Case("publish-qos-0-sent-as-1", Qos0, "AT+MQTTPUB=\"dev/gsm/u\",0,0,0,0,\"qos zero\" asked: QoS 1 instead of 0; it sent PUBLISH \"dev/gsm/u\" QoS 1 retain 0 dup 0");
        // The broker answers the QoS it got: nothing where the module waits for PUBACK.
        yield return Case("publish-qos-1-sent-as-0", Qos1, "expected +MQTTPUBACK within 5 s after AT+MQTTPUB=\"dev/gsm/u\",1,0,0,0,\"qos one\"");
        yield return Case("subscribe-qos-0", "1.4 subscribe is acknowledged with the granted QoS", "got only '+MQTTSUBACK: 1,0,\"dev/gsm/u\"'");
        yield return Case("subscribe-topic-changed", "1.4 subscribe is acknowledged with the granted QoS", "it sent SUBSCRIBE \"dev/gsm/\" QoS 1");
        yield return Case("unsubscribe-topic-changed", "1.6 unsubscribe is acknowledged by +MQTTUNSUBACK", "it sent UNSUBSCRIBE \"dev/gsm/\"");
        yield return Case("dp-header-dropped", "3.3.3 the manual's $dp upload is shown on the platform", "it shows no data points");
        // Packets never sent: the AT lines all come, only the wire shows what is missing.
        yield return Case("disconnect-not-sent", "1.7 disconnect answers OK, then +MQTTDISC: OK, and stays disconnected",
            "expected the module's last packet on the wire where it is a DISCONNECT; it sent CONNECT client id \"4069959\"");
        yield return Case("puback-not-sent", "1.11 a message with commas, quotes and a line end arrives whole",
            "+MQTTPUBLISH reported the broker's message 1 at QoS 1, but the module never sent its PUBACK 1 (it sent no acknowledgement in this scenario)");
        yield return Case("pubcomp-not-sent", "1.11 own QoS 2 publish comes back: +MQTTPUBLISH then +MQTTPUBREL with its packet id",
            "+MQTTPUBLISH reported the broker's message 1 at QoS 2, but the module never sent its PUBCOMP 1");
        yield return Case("pubrel-not-sent", "1.5 QoS 2 publish gets +MQTTPUBREC then +MQTTPUBCOMP with the same packet id", "expected +MQTTPUBCOMP where packet id");
        yield return Case("pingreq-not-sent", "1.10 one AT+MQTTPING value shows +MQTTPINGRSP, the other hides it", "no +MQTTPINGRSP within 3 s");
    }

    private static TestCaseData Case(string mutant, string title, string message) =>
        new TestCaseData(mutant, title, message).SetName($"{mutant} is killed by §{title}");

    [Test]
    public async Task A_publish_sent_at_QoS_1_prints_every_AT_line_of_the_QoS_asked_so_only_the_wire_tells()
    {
        // The publish scenarios of §1.5 by hand, without their wire step: OK alone for QoS 0, +MQTTPUBREC then
        // +MQTTPUBCOMP with the id on the wire for QoS 2, and no stray URC (a +MQTTPUBACK) after either.
        var p = HarnessRun.Parameters;
        Scenario Connected(string title) => new Scenario(title).Reset()
            .Send(Mqtt.Cfg(p.Broker, p.Port, p.DeviceId, p.KeepAlive, p.ProductId, p.ApiKey)).ExpectOk()
            .Send(Mqtt.Open()).ExpectOk().ThenUrc<MqttOpenResult>(o => o.Ok, within: 15.Seconds());
        IReadOnlyList<SelectedScenario> AtLinesOnly() =>
        [
            new("by hand", Connected("1.5 QoS 0 publish, AT lines only")
                .Send(new MqttPub("dev/gsm/u", 0, false, false, 0, "zero")).ExpectOk().NoOtherUrcs()),
            new("by hand", Connected("1.5 QoS 2 publish, AT lines only")
                .Send(new MqttPub("dev/gsm/u", 2, false, false, 0, "two")).ExpectOk()
                .ThenUrcs(UrcPatterns.PubRec(out var id).Before(UrcPatterns.PubComp(id))).ExpectWirePacketId(id).NoOtherUrcs()),
        ];
        var mutants = MutantCatalog.All.Where(m => m.Name is "publish-qos-0-sent-as-1" or "publish-qos-2-sent-as-1").ToList();

        var report = await MutationTests.RunAsync(mutants, AtLinesOnly, strict: true);

        Assert.That(report.NotJudged, Is.Empty, "the module as it is passes both");
        Assert.That(report.Mutants.Where(m => m.Killed).Select(m => m.Verdict(true)), Is.Empty);
    }

    [TestCaseSource(nameof(WireMutants))]
    public async Task A_wire_mutant_is_killed_by_the_scenario_of_its_section_which_the_module_as_it_is_passes(string name, string title, string message)
    {
        var mutant = MutantCatalog.All.Single(m => m.Name == name);

        var report = await MutationTests.RunAsync([mutant], () => HarnessRun.Select(title: title), strict: false);

        Assert.That(mutant.Side, Is.EqualTo("MQTT"));
        Assert.That(report.NotJudged, Is.Empty, "the module as it is passes the scenario");
        var result = report.Mutants.Single();
        Assert.That(result.Killed, Is.True, result.Verdict(false));
        Assert.That(result.Kills.Single().Message, Does.Contain(message));
        Assert.That(result.Kills.Single().Message, Does.Not.Contain(HarnessRun.Parameters.ApiKey), "a CONNECT is shown without its password");
        Assert.That(report.Passed, Is.True);
    }

    [Test]
    public async Task Without_its_wire_check_a_scenario_lets_a_wire_mutant_through()
    {
        // The index 0 scenario reads only AT lines: the broker acknowledges whatever filter the SUBSCRIBE asked.
        var report = await MutationTests.RunAsync([MutantCatalog.All.Single(m => m.Name == "subscribe-topic-changed")],
            () => HarnessRun.Select(title: "1.4 index 0 is accepted"), strict: false);

        Assert.That(report.Mutants.Single().Killed, Is.False);
        Assert.That(report.Mutants.Single().Verdict(false), Is.EqualTo("survived: no scenario checks §1.4 for this"));
    }

    [Test]
    public async Task A_module_connected_under_another_client_id_fails_the_platform_command_scenario_instead_of_ending_the_run()
    {
        // The platform knows the device by CFG's id; the module connected as another client, so no command reaches it.
        var report = await MutationTests.RunAsync([MutantCatalog.All.Single(m => m.Name == "connect-client-id-changed")],
            () => HarnessRun.Select(title: "3.3.1 a platform command on $creq arrives as +MQTTPUBLISH"), strict: false);

        var result = report.Mutants.Single();
        Assert.That(result.Killed, Is.True, result.Verdict(false));
        Assert.That(result.Kills.Single().Message, Does.Contain("the platform command was not sent: Device \"4069959\" has no session on the platform: it is not connected"));
    }

    // A SUBSCRIBE for sensors/+/temp/# (packet id 5, QoS 1) as it goes on the wire.
    private const string WildcardSubscribe = "8215" + "0005" + "0010" + "73656E736F72732F2B2F74656D702F23" + "01";

    [Test]
    public void A_changed_subscribe_filter_loses_its_last_character_and_so_a_trailing_wildcard()
    {
        var frame = new MqttFrame(FrameDirection.ToBroker, Convert.FromHexString(WildcardSubscribe));

        var sent = (MqttSubscribePacket)MqttPacketCodec.Decode(PacketRewrites.Apply(Rewrite("subscribe-topic-changed"), frame)!);

        Assert.That(sent.TopicFilters.Select(f => (f.Topic, (int)f.QualityOfServiceLevel)), Is.EqualTo(new[] { ("sensors/+/temp/", 1) }));
        Assert.That(sent.PacketIdentifier, Is.EqualTo(5));
    }

    [Test]
    public void A_QoS_1_publish_sent_as_0_is_a_well_formed_QoS_0_packet_without_its_packet_id()
    {
        // PUBLISH QoS 1 to a/b, packet id 7, message "hi".
        var frame = new MqttFrame(FrameDirection.ToBroker, Convert.FromHexString("3209" + "0003612F62" + "0007" + "6869"));

        var sent = PacketRewrites.Apply(Rewrite("publish-qos-1-sent-as-0"), frame);

        Assert.That(Convert.ToHexString(sent!.Bytes), Is.EqualTo("3007" + "0003612F62" + "6869"));
    }

    [Test]
    public void A_packet_a_mutant_does_not_pick_goes_out_as_it_came()
    {
        // A QoS 2 publish is not the QoS 1 downgrade's to change, nor a topic without '/' the topic cut's.
        var qos2 = new MqttFrame(FrameDirection.ToBroker, Convert.FromHexString("3409" + "0003612F62" + "0007" + "6869"));
        var dp = new MqttFrame(FrameDirection.ToBroker, Convert.FromHexString("320A" + "0003246470" + "0008" + "010000"));

        Assert.That(PacketRewrites.Apply(Rewrite("publish-qos-1-sent-as-0"), qos2), Is.SameAs(qos2));
        Assert.That(PacketRewrites.Apply(Rewrite("publish-topic-changed"), dp), Is.SameAs(dp));
    }

    [Test]
    public void A_packet_the_module_never_sends_does_not_reach_the_broker_and_others_still_do()
    {
        // PUBACK for packet id 3, and a PINGREQ.
        var puback = new MqttFrame(FrameDirection.ToBroker, Convert.FromHexString("40020003"));
        var ping = new MqttFrame(FrameDirection.ToBroker, Convert.FromHexString("C000"));

        Assert.That(PacketRewrites.Apply(Rewrite("puback-not-sent"), puback), Is.Null);
        Assert.That(PacketRewrites.Apply(Rewrite("puback-not-sent"), ping), Is.SameAs(ping));
    }

    [Test]
    public void A_QoS_0_publish_sent_as_1_gets_a_packet_id_and_its_PUBACK_never_reaches_the_module()
    {
        var rewrite = MutantCatalog.All.Single(m => m.Name == "publish-qos-0-sent-as-1").NewRewrite!();
        // PUBLISH QoS 0 to a/b, message "hi"; then the broker's PUBACK for it, and one for the module's own QoS 1 message 7.
        var sent = PacketRewrites.Apply(rewrite.ToBroker, new MqttFrame(FrameDirection.ToBroker, Convert.FromHexString("3007" + "0003612F62" + "6869")));
        var ownAck = new MqttFrame(FrameDirection.ToClient, Convert.FromHexString("40020007"));

        Assert.That(Convert.ToHexString(sent!.Bytes), Is.EqualTo("3209" + "0003612F62" + "FFFF" + "6869"));
        Assert.That(PacketRewrites.Apply(rewrite.ToModule!, new MqttFrame(FrameDirection.ToClient, Convert.FromHexString("4002FFFF"))), Is.Null);
        Assert.That(PacketRewrites.Apply(rewrite.ToModule!, ownAck), Is.SameAs(ownAck));
    }

    [Test]
    public void A_QoS_2_publish_sent_as_1_has_its_PUBACK_read_as_PUBREC_once()
    {
        var rewrite = MutantCatalog.All.Single(m => m.Name == "publish-qos-2-sent-as-1").NewRewrite!();
        // PUBLISH QoS 2 to a/b, packet id 7, message "hi".
        var sent = PacketRewrites.Apply(rewrite.ToBroker, new MqttFrame(FrameDirection.ToBroker, Convert.FromHexString("3409" + "0003612F62" + "0007" + "6869")));
        var ack = new MqttFrame(FrameDirection.ToClient, Convert.FromHexString("40020007"));

        Assert.That(Convert.ToHexString(sent!.Bytes), Is.EqualTo("3209" + "0003612F62" + "0007" + "6869"));
        Assert.That(Convert.ToHexString(PacketRewrites.Apply(rewrite.ToModule!, ack)!.Bytes), Is.EqualTo("50020007"));
        // Id 7 free again: a later QoS 1 message 7 of the module's own is acknowledged as it is.
        Assert.That(PacketRewrites.Apply(rewrite.ToModule!, ack), Is.SameAs(ack));
    }

    private static Func<MqttPacket, MqttPacket?> Rewrite(string mutant) => MutantCatalog.All.Single(m => m.Name == mutant).NewRewrite!().ToBroker;

    [Test]
    public void Every_mutant_changes_one_side_of_the_module()
    {
        Assert.That(MutantCatalog.All.Where(m => (m.NewFilter is null) == (m.NewRewrite is null)).Select(m => m.Name), Is.Empty);
        // Each mutant of the MQTT side has its case above: the scenario that kills it and what the failure shows.
        Assert.That(WireMutants().Select(c => (string)c.Arguments[0]!).Distinct(), Is.EquivalentTo(MutantCatalog.All.Where(m => m.Side == "MQTT").Select(m => m.Name)));
    }
}
