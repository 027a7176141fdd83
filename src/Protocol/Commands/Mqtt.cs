namespace Conformance.Protocol.Commands;

/// <summary>Builders for the MQTT commands (manual chapter 1); each throws <see cref="AtArgumentException"/> on a broken rule.</summary>
public static class Mqtt
{
    public static MqttCfg Cfg(string host, int port, string id, int keepAlive, string user, string password, bool clean = true)
    {
        Broken.Throw(nameof(host), ArgumentRules.Host(host));
        Broken.Throw(nameof(port), ArgumentRules.Port(port));
        Broken.Throw(nameof(id), ArgumentRules.String(id));
        Broken.Throw(nameof(keepAlive), ArgumentRules.KeepAlive(keepAlive));
        Broken.Throw(nameof(user), ArgumentRules.String(user));
        Broken.Throw(nameof(password), ArgumentRules.String(password));
        return new MqttCfg(host, port, id, keepAlive, user, password, clean);
    }

    public static MqttCfgRead CfgRead() => new();

    public static MqttOpen Open(
        bool user = true, bool password = true, bool will = false, bool willRetain = false, int willQos = 0,
        string willTopic = "", string willMessage = "")
    {
        Broken.Throw(nameof(willQos), ArgumentRules.Qos(willQos));
        Broken.Throw(nameof(willTopic), ArgumentRules.String(willTopic));
        Broken.Throw(nameof(willMessage), ArgumentRules.LastString(willMessage));
        return new MqttOpen(user, password, will, willRetain, willQos, willTopic, willMessage);
    }

    public static MqttStatRead Stat() => new();

    public static MqttSub Sub(string topic, int qos, int? index = null)
    {
        Broken.Throw(nameof(topic), ArgumentRules.Topic(topic));
        Broken.Throw(nameof(qos), ArgumentRules.Qos(qos));
        if (index is { } i) Broken.Throw(nameof(index), ArgumentRules.Index(i));
        return new MqttSub(topic, qos, index);
    }

    public static MqttSubRead SubList() => new();

    /// <summary>Publishes <paramref name="text"/> as typed (message_len 0).</summary>
    public static MqttPub Pub(string topic, int qos, string text, bool retain = false, bool dup = false)
    {
        CheckPublish(topic, qos);
        Broken.Throw(nameof(text), ArgumentRules.LastString(text));
        return new MqttPub(topic, qos, retain, dup, 0, text);
    }

    /// <summary>Publishes <paramref name="bytes"/> as hex (message_len = byte count), e.g. a OneNET <c>$dp</c> payload.</summary>
    public static MqttPub PubHex(string topic, int qos, ReadOnlySpan<byte> bytes, bool retain = false, bool dup = false)
    {
        CheckPublish(topic, qos);
        Broken.Throw(nameof(bytes), ArgumentRules.Bytes(bytes.Length));
        return new MqttPub(topic, qos, retain, dup, bytes.Length, Convert.ToHexString(bytes));
    }

    public static MqttUnsub Unsub(string topic)
    {
        Broken.Throw(nameof(topic), ArgumentRules.Topic(topic));
        return new MqttUnsub(topic);
    }

    public static MqttDisc Disc() => new();

    public static MqttDel Del() => new();

    public static MqttTo Timeout(int seconds)
    {
        Broken.Throw(nameof(seconds), ArgumentRules.Timeout(seconds));
        return new MqttTo(seconds);
    }

    public static MqttPing Ping(int rspEcho)
    {
        Broken.Throw(nameof(rspEcho), ArgumentRules.Bit(rspEcho));
        return new MqttPing(rspEcho);
    }

    private static void CheckPublish(string topic, int qos)
    {
        Broken.Throw(nameof(topic), ArgumentRules.PublishTopic(topic));
        Broken.Throw(nameof(qos), ArgumentRules.Qos(qos));
    }
}
