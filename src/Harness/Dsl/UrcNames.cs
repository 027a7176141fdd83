using Conformance.Protocol.Responses;

namespace Conformance.Harness.Dsl;

/// <summary>The manual's name of each typed URC, for messages written before any URC arrived.</summary>
internal static class UrcNames
{
    public static string Of<T>() where T : Urc => typeof(T).Name switch
    {
        nameof(MqttOpenResult) => "+MQTTOPEN",
        nameof(MqttPublish) => "+MQTTPUBLISH",
        nameof(SubAck) => "+MQTTSUBACK",
        nameof(PubAck) => "+MQTTPUBACK",
        nameof(PubRec) => "+MQTTPUBREC",
        nameof(PubRel) => "+MQTTPUBREL",
        nameof(PubComp) => "+MQTTPUBCOMP",
        nameof(PingResp) => "+MQTTPINGRSP",
        nameof(UnsubAck) => "+MQTTUNSUBACK",
        nameof(MqttTimeout) => "+MQTTTO",
        nameof(MqttReconnect) => "+MQTTREC",
        nameof(MqttDisconnected) => "+MQTTDISC",
        var other => other,
    };
}
