namespace Conformance.Protocol.Responses;

/// <summary>The connection state reported by <c>+MQTTSTAT: &lt;stat&gt;</c> (manual §1.3).</summary>
public enum MqttState
{
    /// <summary>未初始化: no client instance; <c>AT+MQTTCFG</c> has not been sent (or <c>AT+MQTTDEL</c> removed it).</summary>
    NotInitialised = 0,
    /// <summary>已初始化: the instance is configured by <c>AT+MQTTCFG</c> but has never connected.</summary>
    Initialised = 1,
    /// <summary>已断开: disconnected, by <c>AT+MQTTDISC</c> or after automatic reconnection gave up.</summary>
    Disconnected = 2,
    /// <summary>正在首次连接服务器: the first connection to the server is in progress.</summary>
    Connecting = 3,
    /// <summary>正在重连服务器: the module is reconnecting by itself after a lost connection.</summary>
    Reconnecting = 4,
    /// <summary>已连接: connected to the server.</summary>
    Connected = 5,
}
