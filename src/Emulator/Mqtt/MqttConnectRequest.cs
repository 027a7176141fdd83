namespace Conformance.Emulator.Mqtt;

/// <summary>Everything the module puts into its CONNECT: what <c>AT+MQTTCFG</c> and <c>AT+MQTTOPEN</c> configured.</summary>
/// <param name="Host">Broker host name or IP address.</param>
/// <param name="Port">Broker TCP port.</param>
/// <param name="ClientId">MQTT client id; on OneNET the device id.</param>
/// <param name="UserName">User name, or null when the user flag is off; on OneNET the product id.</param>
/// <param name="Password">Password, or null when the password flag is off; on OneNET the API key.</param>
/// <param name="CleanSession">The clean-session flag.</param>
/// <param name="KeepAliveSeconds">Keep-alive announced to the broker; the back end itself never pings on its own.</param>
/// <param name="Will">The last will, or null when the will flag is off.</param>
public sealed record MqttConnectRequest(
    string Host,
    int Port,
    string ClientId,
    string? UserName = null,
    string? Password = null,
    bool CleanSession = true,
    ushort KeepAliveSeconds = 60,
    MqttWill? Will = null);
