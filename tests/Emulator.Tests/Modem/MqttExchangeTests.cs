using System.Diagnostics;
using System.Net;
using System.Text;
using Conformance.Emulator.Faults;
using Conformance.Emulator.Hosting;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Tests.Support;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Emulator.Tests.Modem;

/// <summary>MQTT through AT against a real broker: publishes reach a plain subscriber and back, with the QoS handshakes' URCs.</summary>
public sealed class MqttExchangeTests(BrokerKind kind) : BrokerFixture(kind)
{
    private EmulatorHost _emulator = null!;
    private AtTerminal _host = null!;
    private Peer _peer = null!;

    private async Task StartAsync(Dialect dialect, string open = "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"")
    {
        await ConfigureAsync(dialect, $"\"dev{Guid.NewGuid().ToString("N")[..8]}\",120,\"165920\",\"key\",1");
        await _host.ExpectAsync(open, "OK");
        await _host.ExpectLinesAsync(dialect == Dialect.Manual ? "+MQTTOPEN: OK" : "+MQTTOPEN:OK");
        await _host.ExpectAsync("AT+MQTTSTAT?", dialect == Dialect.Manual ? "+MQTTSTAT: 5" : "+MQTTSTAT:5", "OK");
    }

    /// <summary>Starts the module and sends <c>AT+MQTTCFG</c> for the manual's OneNET address (mapped onto the test broker) with <paramref name="rest"/>.</summary>
    private async Task ConfigureAsync(Dialect dialect, string rest)
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Dialect = dialect }, new DnsEndPoint("127.0.0.1", BrokerPort));
        _host = new AtTerminal(_emulator.OpenStream());
        _peer = await Peer.ConnectAsync(BrokerPort);
        await _host.ExpectAsync($"AT+MQTTCFG=\"183.230.40.39\",6002,{rest}", "OK");
    }

    [TearDown]
    public async Task Stop()
    {
        // A test skipped for a missing program started nothing.
        if (_host is not null) await _host.DisposeAsync();
        if (_peer is not null) await _peer.DisposeAsync();
        if (_emulator is not null) await _emulator.DisposeAsync();
        (_host, _peer, _emulator) = (null!, null!, null!);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public async Task A_publish_through_AT_reaches_a_subscriber(int qos)
    {
        await StartAsync(Dialect.Manual);
        var topic = NewTopic();
        await _peer.SubscribeAsync(topic);

        await _host.ExpectAsync($"AT+MQTTPUB=\"{topic}\",{qos},0,0,0,\"update message\"", "OK");

        var received = await _peer.Received.NextAsync();
        Assert.That(Encoding.UTF8.GetString(Peer.PayloadOf(received)), Is.EqualTo("update message"));
        Assert.That((int)received.QualityOfServiceLevel, Is.EqualTo(qos));
        if (qos == 1)
        {
            var ack = ParseUrc(await _host.NextLineAsync());
            Assert.That(ack, Is.TypeOf<PubAck>().And.Property("Flag").EqualTo(1));
            Assert.That(((PubAck)ack).PacketId, Is.GreaterThan(0));
        }
        if (qos == 2)
        {
            var rec = (PubRec)ParseUrc(await _host.NextLineAsync());
            var comp = (PubComp)ParseUrc(await _host.NextLineAsync());
            Assert.That(rec.PacketId, Is.GreaterThan(0));
            Assert.That(comp.PacketId, Is.EqualTo(rec.PacketId));
        }
        await _host.ExpectAsync("AT", "OK");
    }

    [Test]
    public async Task A_publish_through_AT_reaches_mosquitto_sub()
    {
        var mosquittoSub = ExternalProgram.Require("mosquitto_sub", "mosquitto-clients");
        var stdbuf = ExternalProgram.Require("stdbuf", "coreutils");
        await StartAsync(Dialect.Manual);
        var topic = NewTopic();
        // stdbuf: a piped mosquitto_sub would hold its lines back until it exits.
        var start = new ProcessStartInfo(stdbuf, ["-oL", mosquittoSub, "-d", "-h", "127.0.0.1", "-p", $"{BrokerPort}", "-t", topic, "-q", "2", "-C", "1", "-V", "mqttv311", "-i", "sub-" + Guid.NewGuid().ToString("N")[..8]])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var subscriber = Process.Start(start)!;
        try
        {
            // With -d, mosquitto_sub says when its SUBACK arrived; the message line follows the debug lines.
            await ReadUntilAsync(subscriber.StandardOutput, line => line.Contains("Subscribed", StringComparison.Ordinal));
            await _host.ExpectAsync($"AT+MQTTPUB=\"{topic}\",1,0,0,5,68656C6C6F", "OK");
            Assert.That(await _host.NextLineAsync(), Does.Match("^\\+MQTTPUBACK: [1-9][0-9]*,1$"));
            await ReadUntilAsync(subscriber.StandardOutput, line => line == "hello");
            await subscriber.WaitForExitAsync().WaitAsync(Waiting.Timeout);
        }
        catch (AssertionException)
        {
            subscriber.Kill();
            Assert.Fail("mosquitto_sub: " + await subscriber.StandardError.ReadToEndAsync());
        }
        finally
        {
            if (!subscriber.HasExited) subscriber.Kill();
        }
    }

    private static async Task ReadUntilAsync(StreamReader output, Func<string, bool> match)
    {
        while (await output.ReadLineAsync().WaitAsync(Waiting.Timeout) is { } line)
            if (match(line)) return;
        Assert.Fail("mosquitto_sub ended before the expected line");
    }

    [Test]
    public async Task A_subscribed_publish_arrives_as_MQTTPUBLISH_then_PUBREL()
    {
        await StartAsync(Dialect.Manual);
        var topic = NewTopic();
        await _host.ExpectAsync($"AT+MQTTSUB=\"{topic}\",2", "OK");
        var subAck = (SubAck)ParseUrc(await _host.NextLineAsync());
        Assert.That((subAck.Code, subAck.Topic), Is.EqualTo((2, topic)));
        await _host.ExpectAsync("AT+MQTTSUB?", "+MQTTSUB:", topic, "OK");

        await _peer.PublishAsync(topic, Encoding.UTF8.GetBytes("on,\"1\""), 2);

        var header = await _host.NextLineAsync();
        Assert.That(header, Does.Match($"^\\+MQTTPUBLISH: 0,2,0,[1-9][0-9]*,\"{topic}\",6$"));
        await _host.ExpectLinesAsync("on,\"1\"");
        var packetId = header.Split(',')[3];
        await _host.ExpectLinesAsync($"+MQTTPUBREL: 0,{packetId}");
    }

    [Test]
    public async Task Field_dialect_puts_the_message_inline_and_the_topic_bare()
    {
        await StartAsync(Dialect.Field);
        var topic = NewTopic();
        await _host.ExpectAsync($"AT+MQTTSUB={topic},1", "OK");
        Assert.That(await _host.NextLineAsync(), Does.Match($"^\\+MQTTSUBACK:[0-9]+,1,{topic}$"));

        await _peer.PublishAsync(topic, Encoding.UTF8.GetBytes("~zz"), 1);
        Assert.That(await _host.NextLineAsync(), Does.Match($"^\\+MQTTPUBLISH:0,1,0,[0-9]+,{topic},3,~zz$"));

        await _host.ExpectAsync($"AT+MQTTUNSUB={topic}", "OK");
        Assert.That(await _host.NextLineAsync(), Does.Match($"^\\+MQTTUNSUBACK:[0-9]+,{topic}$"));
        await _host.ExpectAsync("AT+MQTTSUB?", "+MQTTSUB:", "OK");
    }

    [Test]
    public async Task Own_publish_on_a_subscribed_topic_comes_back_with_both_handshakes()
    {
        await StartAsync(Dialect.Manual);
        var topic = NewTopic();
        await _host.ExpectAsync($"AT+MQTTSUB=\"{topic}\",2,0", "OK");
        await _host.NextLineAsync();

        await _host.ExpectAsync($"AT+MQTTPUB=\"{topic}\",2,0,0,0,\"update message\"", "OK");

        var urcs = new List<string>();
        for (var i = 0; i < 5; i++) urcs.Add(await _host.NextLineAsync());
        Assert.That(urcs, Has.Some.StartsWith("+MQTTPUBREC: 0,"));
        Assert.That(urcs, Has.Some.StartsWith("+MQTTPUBCOMP: 0,"));
        Assert.That(urcs, Has.Some.StartsWith("+MQTTPUBREL: 0,"));
        Assert.That(urcs, Does.Contain("update message"));
        Assert.That(urcs.FindIndex(u => u.StartsWith("+MQTTPUBREC", StringComparison.Ordinal)),
            Is.LessThan(urcs.FindIndex(u => u.StartsWith("+MQTTPUBCOMP", StringComparison.Ordinal))));
    }

    [Test]
    public async Task Disconnect_reports_MQTTDISC_and_allows_delete_and_a_new_instance()
    {
        await StartAsync(Dialect.Manual);
        await _host.ExpectAsync("AT+MQTTDISC", "OK");
        await _host.ExpectLinesAsync("+MQTTDISC: OK");
        await _host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 2", "OK");
        await _host.ExpectAsync("AT+MQTTDEL", "OK");
        await _host.ExpectAsync("AT+MQTTCFG=\"127.0.0.1\",1883,\"again\",60,\"u\",\"p\",1", "OK");
    }

    [Test]
    public async Task Packet_ids_in_URCs_are_the_ids_on_the_wire()
    {
        await StartAsync(Dialect.Manual);
        var wire = new Recorder<MqttFrame>(f => f.Direction == FrameDirection.ToBroker && f.PacketId is not null);
        _emulator.Proxy!.FrameForwarded += wire.Add;
        var topic = NewTopic();

        await _host.ExpectAsync($"AT+MQTTSUB=\"{topic}\",1", "OK");
        var subAck = (SubAck)ParseUrc(await _host.NextLineAsync());
        await _host.ExpectAsync($"AT+MQTTPUB=\"{NewTopic()}\",2,0,0,0,\"x\"", "OK");
        var pubRec = (PubRec)ParseUrc(await _host.NextLineAsync());

        var subscribe = await wire.FirstAsync(f => f.Type == MqttPacketType.Subscribe);
        var publish = await wire.FirstAsync(f => f.Type == MqttPacketType.Publish);
        Assert.That(subAck.PacketId, Is.EqualTo(subscribe.PacketId));
        Assert.That(pubRec.PacketId, Is.EqualTo(publish.PacketId));
    }

    [Test]
    public async Task The_will_of_OPEN_is_published_when_the_connection_breaks()
    {
        var will = NewTopic();
        await using var watcher = await Peer.ConnectAsync(BrokerPort);
        await watcher.SubscribeAsync(will);
        await StartAsync(Dialect.Manual, $"AT+MQTTOPEN=1,1,1,0,1,\"{will}\",\"gone, for now\"");

        await _emulator.Faults.DropConnectionAsync();

        var message = await watcher.Received.NextAsync();
        Assert.That(message.Topic, Is.EqualTo(will));
        Assert.That(Encoding.UTF8.GetString(Peer.PayloadOf(message)), Is.EqualTo("gone, for now"));
    }

    // MQTT 3.1.1 makes the broker answer these CONNECTs with CONNACK 2 (§3.1.3-8) or by hanging up (§3.1.2-22).
    // The module must say so: an OK and then nothing leaves the host waiting in state 3 for ever.
    // A refusal is final like bad credentials; a hang-up is retried like any failed connection.
    [TestCase("\"\",120,\"165920\",\"key\",0", "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "+MQTTSTAT: 2")]
    [TestCase("\"dev-nouser\",120,\"165920\",\"key\",1", "AT+MQTTOPEN=0,1,0,0,0,\"\",\"\"", "+MQTTSTAT: 4", "+MQTTREC: 0")]
    public async Task A_CONNECT_no_broker_accepts_ends_in_MQTTOPEN_FAIL(string cfg, string open, string state, params string[] then)
    {
        await ConfigureAsync(Dialect.Manual, cfg);

        await _host.ExpectAsync(open, "OK");

        await _host.ExpectLinesAsync(["+MQTTOPEN: FAIL", .. then]);
        await _host.ExpectAsync("AT+MQTTSTAT?", state, "OK");
    }

    [Test]
    public async Task A_text_message_reaches_the_broker_as_the_bytes_typed_in_any_character_set()
    {
        await StartAsync(Dialect.Manual);
        var topic = NewTopic();
        await _peer.SubscribeAsync(topic);
        byte[] gbk = [0xCE, 0xC2, 0xB6, 0xC8];   // 温度 in GBK, as a Chinese MCU's firmware writes it

        await _host.SendBytesAsync([.. Encoding.ASCII.GetBytes($"AT+MQTTPUB=\"{topic}\",0,0,0,0,\""), .. gbk, .. "\"\r\n"u8]);

        Assert.That(await _host.NextLineAsync(), Is.EqualTo("OK"));
        Assert.That(Peer.PayloadOf(await _peer.Received.NextAsync()), Is.EqualTo(gbk));
    }

    [Test]
    public async Task Curly_quotes_are_characters_of_the_argument_not_quotes()
    {
        // The module's parser knows the quote 0x22 only: an argument pasted from a vendor example with ” ” keeps them.
        await StartAsync(Dialect.Manual);
        var topic = NewTopic();
        await _peer.SubscribeAsync($"\u201D{topic}\u201D");

        await _host.ExpectAsync($"AT+MQTTPUB=\u201D{topic}\u201D,0,0,0,0,\u201Don\u201D", "OK");

        var received = await _peer.Received.NextAsync();
        Assert.That(Encoding.UTF8.GetString(Peer.PayloadOf(received)), Is.EqualTo("\u201Don\u201D"));
    }

    private static Urc ParseUrc(string line) => UrcParser.Parse(line).Unwrap();
}
