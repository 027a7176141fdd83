using Conformance.Emulator.Faults;
using Conformance.Emulator.Mqtt;
using Conformance.Emulator.Tests.Support;

namespace Conformance.Emulator.Tests.Faults;

public sealed class FaultProxyTests(BrokerKind kind) : BrokerFixture(kind)
{
    [Test]
    public async Task Refused_connections_make_the_broker_unreachable_until_switched_back()
    {
        await using var module = ModuleRig.Disconnected(BrokerPort);

        module.Proxy.RefuseConnections = true;
        var refused = await module.BackEnd.ConnectAsync(module.Request).WaitAsync(Waiting.Timeout);
        module.Proxy.RefuseConnections = false;
        var accepted = await module.BackEnd.ConnectAsync(module.Request).WaitAsync(Waiting.Timeout);

        Assert.That(refused.Reachable, Is.False);
        Assert.That(refused.Error, Is.Not.Empty);
        Assert.That(accepted.Accepted, Is.True, accepted.ToString());
    }

    [Test]
    public async Task Swallowed_pingresp_never_reaches_the_module()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);

        module.Proxy.SwallowPingResp = true;
        module.BackEnd.Ping();
        var id = module.BackEnd.Publish(NewTopic(), "x"u8.ToArray(), MqttQos.AtLeastOnce, false);

        // The broker answers in order: the PUBACK arriving first means the PINGRESP was swallowed.
        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PubAckReceived(id)));
        module.Proxy.SwallowPingResp = false;
        module.BackEnd.Ping();
        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PingRespReceived()));
    }

    [TestCase(MqttPacketType.PubAck, MqttQos.AtLeastOnce)]
    [TestCase(MqttPacketType.PubRec, MqttQos.ExactlyOnce)]
    public async Task Held_publish_acknowledgement_arrives_only_when_released(MqttPacketType held, MqttQos qos)
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);

        module.Proxy.Hold(held);
        var id = module.BackEnd.Publish(NewTopic(), "x"u8.ToArray(), qos, false);
        module.BackEnd.Ping();

        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PingRespReceived()));
        await module.Proxy.ReleaseAsync(held);
        var first = await module.Events.NextAsync();
        Assert.That(first, Is.EqualTo(qos == MqttQos.AtLeastOnce ? new PubAckReceived(id) : new PubRecReceived(id)));
    }

    [Test]
    public async Task Held_pubcomp_leaves_the_qos2_flow_open_after_pubrec()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);

        module.Proxy.Hold(MqttPacketType.PubComp);
        var id = module.BackEnd.Publish(NewTopic(), "x"u8.ToArray(), MqttQos.ExactlyOnce, false);
        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PubRecReceived(id)));
        module.BackEnd.Ping();

        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PingRespReceived()));
        await module.Proxy.ReleaseAsync(MqttPacketType.PubComp);
        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PubCompReceived(id)));
    }

    [Test]
    public async Task Held_suback_and_unsuback_arrive_only_when_released()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);
        var topic = NewTopic();

        module.Proxy.Hold(MqttPacketType.SubAck);
        module.Proxy.Hold(MqttPacketType.UnsubAck);
        var subscribe = module.BackEnd.Subscribe(topic, MqttQos.AtLeastOnce);
        var unsubscribe = module.BackEnd.Unsubscribe(topic);
        module.BackEnd.Ping();

        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PingRespReceived()));
        await module.Proxy.ReleaseAsync(MqttPacketType.UnsubAck);
        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new UnsubAckReceived(unsubscribe)));
        await module.Proxy.ReleaseAsync(MqttPacketType.SubAck);
        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new SubAckReceived(subscribe, 1)));
    }

    [Test]
    public async Task Held_connack_keeps_connect_waiting_until_released()
    {
        await using var module = ModuleRig.Disconnected(BrokerPort);

        var connect = await ConnectWhileConnAckIsHeldAsync(module, CancellationToken.None);

        Assert.That(connect.IsCompleted, Is.False);
        await module.Proxy.ReleaseAsync(MqttPacketType.ConnAck);
        Assert.That((await connect.WaitAsync(Waiting.Timeout)).Accepted, Is.True);
    }

    [Test]
    public async Task Connect_gives_up_when_cancelled_while_connack_is_held()
    {
        await using var module = ModuleRig.Disconnected(BrokerPort);
        using var timeout = new CancellationTokenSource();

        var connect = await ConnectWhileConnAckIsHeldAsync(module, timeout.Token);
        await timeout.CancelAsync();

        Assert.That(async () => await connect.WaitAsync(Waiting.Timeout), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(module.BackEnd.IsConnected, Is.False);
    }

    /// <summary>Starts connecting and returns once the broker's CONNACK sits in the proxy.</summary>
    private static async Task<Task<MqttConnectResult>> ConnectWhileConnAckIsHeldAsync(ModuleRig module, CancellationToken cancellationToken)
    {
        var held = new Recorder<MqttFrame>();
        module.Proxy.FrameHeld += held.Add;
        module.Proxy.Hold(MqttPacketType.ConnAck);
        var connect = module.BackEnd.ConnectAsync(module.Request, cancellationToken);
        Assert.That((await held.NextAsync()).Type, Is.EqualTo(MqttPacketType.ConnAck));
        return connect;
    }

    [Test]
    public async Task Dropped_connection_is_reported_as_lost()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);

        await module.Proxy.DropConnectionsAsync();

        var lost = await module.Events.NextAsync<ConnectionLost>();
        Assert.That(lost.Reason, Is.Not.Empty);
        Assert.That(module.BackEnd.IsConnected, Is.False);
    }

    [Test]
    public async Task A_rewritten_packet_is_what_the_broker_answers_and_what_the_proxy_reports()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);
        // By hand, on the fixed header: the PUBLISH's QoS bits from 1 (0x32) to 2 (0x34); the packet id stays where it is.
        module.Proxy.RewriteToBroker = frame => frame.Type == MqttPacketType.Publish
            ? new MqttFrame(frame.Direction, [(byte)((frame.Bytes[0] & ~0x06) | 0x04), .. frame.Bytes[1..]])
            : frame;

        var id = module.BackEnd.Publish(NewTopic(), "x"u8.ToArray(), MqttQos.AtLeastOnce, false);

        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PubRecReceived(id)), "the broker took it as QoS 2");
        var sent = module.Frames.First(f => f.Direction == FrameDirection.ToBroker && f.Type == MqttPacketType.Publish);
        Assert.That(sent.Bytes[0], Is.EqualTo(0x34));
        Assert.That(sent.PacketId, Is.EqualTo(id));
    }

    [Test]
    public async Task A_packet_the_rewrite_drops_never_reaches_the_broker_nor_the_report()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);
        module.Proxy.RewriteToBroker = frame => frame.Type == MqttPacketType.PingReq ? null : frame;

        module.BackEnd.Ping();
        var id = module.BackEnd.Publish(NewTopic(), "x"u8.ToArray(), MqttQos.AtLeastOnce, false);

        // The broker answers in order: the PUBACK first, and alone, means it never got the PINGREQ.
        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PubAckReceived(id)));
        Assert.That(module.Frames.Where(f => f.Direction == FrameDirection.ToBroker).Select(f => f.Type), Has.None.EqualTo(MqttPacketType.PingReq));
    }

    [Test]
    public async Task A_packet_rewritten_for_the_module_is_what_it_reads_and_the_broker_still_completes_the_PUBREL_it_then_gets()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);
        // By hand: the broker's PUBACK (0x40) read as a PUBREC (0x50), as a firmware waiting for PUBREC would take it.
        module.Proxy.RewriteToModule = frame => frame.Type == MqttPacketType.PubAck ? new MqttFrame(frame.Direction, [0x50, .. frame.Bytes[1..]]) : frame;

        var id = module.BackEnd.Publish(NewTopic(), "x"u8.ToArray(), MqttQos.AtLeastOnce, false);

        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PubRecReceived(id)));
        // The module's PUBREL names a message the broker has finished with: it answers PUBCOMP all the same (MQTT 3.1.1 §4.3.3).
        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PubCompReceived(id)));
    }

    [Test]
    public async Task A_packet_the_module_rewrite_drops_is_never_read()
    {
        await using var module = await ModuleRig.ConnectAsync(BrokerPort);
        module.Proxy.RewriteToModule = frame => frame.Type == MqttPacketType.PubAck ? null : frame;

        module.BackEnd.Publish(NewTopic(), "x"u8.ToArray(), MqttQos.AtLeastOnce, false);
        module.BackEnd.Ping();

        // The broker answers in order: the PINGRESP first means the PUBACK before it was not read.
        Assert.That(await module.Events.NextAsync(), Is.EqualTo(new PingRespReceived()));
    }

    [Test]
    public async Task A_dropped_disconnect_ends_the_connection_as_a_lost_link_so_the_broker_publishes_the_will()
    {
        await using var module = ModuleRig.Disconnected(BrokerPort);
        var willTopic = NewTopic();
        await using var peer = await Peer.ConnectAsync(BrokerPort);
        await peer.SubscribeAsync(willTopic);
        var connected = await module.BackEnd.ConnectAsync(module.Request with { Will = new MqttWill(willTopic, "gone"u8.ToArray(), MqttQos.AtLeastOnce, false) })
            .WaitAsync(Waiting.Timeout);
        module.Proxy.RewriteToBroker = frame => frame.Type == MqttPacketType.Disconnect ? null : frame;

        await module.BackEnd.DisconnectAsync().WaitAsync(Waiting.Timeout);

        Assert.That(connected.Accepted, Is.True, connected.ToString());
        Assert.That(Peer.PayloadOf(await peer.Received.NextAsync()), Is.EqualTo("gone"u8.ToArray()), "a link closed without DISCONNECT has the broker publish the will");
        Assert.That(module.Frames.Where(f => f.Direction == FrameDirection.ToBroker).Select(f => f.Type), Has.None.EqualTo(MqttPacketType.Disconnect));
    }

    [Test]
    public void Proxy_refuses_a_broker_that_is_not_on_loopback()
    {
        Assert.That(() => FaultProxy.Start(1883, "192.0.2.1"),
            Throws.ArgumentException.With.Message.Contains("loopback").And.Property("ParamName").EqualTo("brokerHost"));
    }
}
