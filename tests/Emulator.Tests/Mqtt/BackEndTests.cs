using System.Text;
using Conformance.Emulator.Faults;
using Conformance.Emulator.Mqtt;
using Conformance.Emulator.Tests.Support;

namespace Conformance.Emulator.Tests.Mqtt;

public sealed class BackEndTests(BrokerKind kind) : BrokerFixture(kind)
{
    [Test]
    public async Task Publish_at_qos0_reaches_the_broker_with_packet_id_0_and_no_acknowledgement()
    {
        await using var peer = await Peer.ConnectAsync(BrokerPort);
        var topic = NewTopic();
        await peer.SubscribeAsync(topic);
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);

        var id = module.BackEnd.Publish(topic, "hello"u8.ToArray(), MqttQos.AtMostOnce, retain: false);
        module.BackEnd.Ping();

        Assert.That(id, Is.Zero);
        var message = await peer.Received.NextAsync();
        Assert.That(Encoding.UTF8.GetString(Peer.PayloadOf(message)), Is.EqualTo("hello"));
        // The broker answers in order, so a PINGRESP first means no PUBACK/PUBREC was sent for QoS 0.
        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PingRespReceived()));
    }

    [Test]
    public async Task Publish_at_qos1_is_acknowledged_with_the_packet_id_sent_on_the_wire()
    {
        await using var peer = await Peer.ConnectAsync(BrokerPort);
        var topic = NewTopic();
        await peer.SubscribeAsync(topic);
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);

        var id = module.BackEnd.Publish(topic, new byte[] { 0x7E, 0x7A, 0x7A }, MqttQos.AtLeastOnce, retain: false);

        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PubAckReceived(id)));
        Assert.That(id, Is.Not.Zero);
        Assert.That(module.WireId(FrameDirection.ToBroker, MqttPacketType.Publish), Is.EqualTo(id));
        Assert.That(Peer.PayloadOf(await peer.Received.NextAsync()), Is.EqualTo(new byte[] { 0x7E, 0x7A, 0x7A }));
    }

    [Test]
    public async Task Publish_at_qos2_gets_pubrec_then_pubcomp_after_the_back_end_sends_pubrel()
    {
        await using var peer = await Peer.ConnectAsync(BrokerPort);
        var topic = NewTopic();
        await peer.SubscribeAsync(topic);
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);

        var id = module.BackEnd.Publish(topic, "update message"u8.ToArray(), MqttQos.ExactlyOnce, retain: false);

        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PubRecReceived(id)));
        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PubCompReceived(id)));
        Assert.That(module.WireId(FrameDirection.ToBroker, MqttPacketType.PubRel), Is.EqualTo(id));
        Assert.That(module.WireId(FrameDirection.ToClient, MqttPacketType.PubComp), Is.EqualTo(id));
        Assert.That(Encoding.UTF8.GetString(Peer.PayloadOf(await peer.Received.NextAsync())), Is.EqualTo("update message"));
    }

    [Test]
    public async Task Packet_ids_are_distinct_and_never_zero_while_in_flight()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);
        var topic = NewTopic();

        ushort[] ids =
        [
            module.BackEnd.Subscribe(topic, MqttQos.AtLeastOnce),
            module.BackEnd.Publish(topic, "a"u8.ToArray(), MqttQos.AtLeastOnce, false),
            module.BackEnd.Publish(topic, "b"u8.ToArray(), MqttQos.ExactlyOnce, false),
            module.BackEnd.Unsubscribe(topic),
        ];

        Assert.That(ids, Is.Unique.And.All.Not.Zero);
        var subAck = (SubAckReceived)await module.Events.FirstAsync(e => e is SubAckReceived);
        Assert.That(subAck.PacketId, Is.EqualTo(ids[0]));
    }

    [TestCase(MqttQos.AtMostOnce)]
    [TestCase(MqttQos.AtLeastOnce)]
    [TestCase(MqttQos.ExactlyOnce)]
    public async Task Subscribe_reports_suback_with_its_packet_id_and_the_granted_qos(MqttQos qos)
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);

        var id = module.BackEnd.Subscribe(NewTopic(), qos);

        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new SubAckReceived(id, (byte)qos)));
        Assert.That(module.WireId(FrameDirection.ToClient, MqttPacketType.SubAck), Is.EqualTo(id));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public async Task Incoming_publish_carries_the_brokers_packet_id_and_is_acknowledged(int qos)
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);
        var topic = NewTopic();
        module.BackEnd.Subscribe(topic, MqttQos.ExactlyOnce);
        await module.Events.NextAsync<SubAckReceived>();
        await using var peer = await Peer.ConnectAsync(BrokerPort);

        await peer.PublishAsync(topic, "a,b\r\n\"c\""u8.ToArray(), qos);

        var publish = await module.Events.NextAsync<PublishReceived>();
        Assert.That(publish.Topic, Is.EqualTo(topic));
        Assert.That(publish.Payload, Is.EqualTo("a,b\r\n\"c\""u8.ToArray()));
        Assert.That(publish.Qos, Is.EqualTo((MqttQos)qos));
        Assert.That(publish.PacketId, Is.EqualTo(module.WireId(FrameDirection.ToClient, MqttPacketType.Publish) ?? 0));
        if (qos == 2)
        {
            Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PubRelReceived(publish.PacketId)));
            // The broker only finishes the flow, and lets a new one start, when the PUBCOMP reaches it.
            module.BackEnd.Ping();
            await module.Events.NextAsync<PingRespReceived>();
            Assert.That(module.WireId(FrameDirection.ToBroker, MqttPacketType.PubRec), Is.EqualTo(publish.PacketId));
            Assert.That(module.WireId(FrameDirection.ToBroker, MqttPacketType.PubComp), Is.EqualTo(publish.PacketId));
        }
        else if (qos == 1)
        {
            module.BackEnd.Ping();
            await module.Events.NextAsync<PingRespReceived>();
            Assert.That(module.WireId(FrameDirection.ToBroker, MqttPacketType.PubAck), Is.EqualTo(publish.PacketId));
        }
    }

    [Test]
    public async Task Own_publish_on_a_subscribed_topic_comes_back_interleaved_with_the_outgoing_handshake()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);
        var topic = NewTopic();
        module.BackEnd.Subscribe(topic, MqttQos.ExactlyOnce);
        await module.Events.NextAsync<SubAckReceived>();

        var id = module.BackEnd.Publish(topic, "update message"u8.ToArray(), MqttQos.ExactlyOnce, false);

        var events = new List<MqttEvent>();
        for (var i = 0; i < 4; i++) events.Add(await module.Events.NextAsync());
        var incoming = events.OfType<PublishReceived>().Single();
        Assert.That(events, Has.Member(new PubRecReceived(id)).And.Member(new PubCompReceived(id)).And.Member(new PubRelReceived(incoming.PacketId)));
        Assert.That(events.IndexOf(new PubRecReceived(id)), Is.LessThan(events.IndexOf(new PubCompReceived(id))));
        Assert.That(events.IndexOf(incoming), Is.LessThan(events.IndexOf(new PubRelReceived(incoming.PacketId))));
    }

    [Test]
    public async Task Unsubscribe_reports_unsuback_and_stops_delivery()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);
        var topic = NewTopic();
        module.BackEnd.Subscribe(topic, MqttQos.AtLeastOnce);
        await module.Events.NextAsync<SubAckReceived>();

        var id = module.BackEnd.Unsubscribe(topic);

        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new UnsubAckReceived(id)));
        module.BackEnd.Publish(topic, "x"u8.ToArray(), MqttQos.AtLeastOnce, false);
        Assert.That(await module.Events.NextAsync(), Is.InstanceOf<PubAckReceived>(), "no PUBLISH comes back once unsubscribed");
    }

    [Test]
    public async Task Ping_is_answered_by_pingresp()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);

        module.BackEnd.Ping();

        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PingRespReceived()));
    }

    [Test]
    public async Task Will_message_is_published_by_the_broker_when_the_module_vanishes()
    {
        await using var peer = await Peer.ConnectAsync(BrokerPort);
        var topic = NewTopic();
        await peer.SubscribeAsync(topic);
        await using var module = ModuleRig.Disconnected(BrokerPort);
        var request = module.Request with { Will = new MqttWill(topic, "gone"u8.ToArray(), MqttQos.AtLeastOnce, Retain: false) };
        Assert.That((await module.BackEnd.ConnectAsync(request).WaitAsync(Waiting.Timeout)).Accepted);

        await module.Proxy.DropConnectionsAsync();

        // The module sees its link cut, and the broker, seeing it too, publishes the will.
        await module.Events.NextAsync<ConnectionLost>();
        Assert.That(Peer.PayloadOf(await peer.Received.NextAsync()), Is.EqualTo("gone"u8.ToArray()));
    }

    [Test]
    public async Task Deliberate_disconnect_sends_disconnect_and_reports_no_loss()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);

        await module.BackEnd.DisconnectAsync().WaitAsync(Waiting.Timeout);

        Assert.That(module.BackEnd.IsConnected, Is.False);
        Assert.That(module.Events.IsEmpty, Is.True);
        Assert.That(() => module.BackEnd.Ping(), Throws.InvalidOperationException.With.Message.Contains("Not connected"));
    }
}
