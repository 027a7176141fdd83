namespace Conformance.Protocol.Responses;

/// <summary>Which server ACK did not arrive in time, as reported by <c>+MQTTTO: &lt;type&gt;</c> (manual §1.9).</summary>
public enum MqttTimeoutType
{
    /// <summary>连接超时: no CONNACK.</summary>
    Connect = 1,
    /// <summary>发布响应超时: no PUBACK / PUBREC / PUBCOMP.</summary>
    Publish = 2,
    /// <summary>订阅响应超时: no SUBACK.</summary>
    Subscribe = 3,
    /// <summary>取消订阅响应超时: no UNSUBACK.</summary>
    Unsubscribe = 4,
    /// <summary>ping 超时: no PINGRESP; three in a row start reconnection (manual §3.3.5).</summary>
    Ping = 5,
    /// <summary>未知类型: any other ACK.</summary>
    Unknown = 6,
}
