namespace Conformance.Harness.Tests.Doubles;

/// <summary>The one behaviour a <see cref="FakeModule"/> gets wrong.</summary>
public enum Fault
{
    None,
    /// <summary><c>+MQTTSUBACK</c> never comes.</summary>
    DropSubAck,
    /// <summary><c>+MQTTPUBCOMP</c> carries another packet id than its <c>+MQTTPUBREC</c>.</summary>
    WrongPacketId,
    /// <summary><c>AT+MQTTOPEN</c> is answered <c>ERROR</c>.</summary>
    ErrorInsteadOfOk,
    /// <summary><c>+MQTTOPEN: OK</c> comes 20 s after the command, later than drivers wait.</summary>
    LateUrc,
    /// <summary><c>AT+MQTTSTAT?</c> says 0 (not initialised) after <c>AT+MQTTCFG</c>.</summary>
    WrongMqttStat,
    /// <summary><c>+MQTTPUBLISH</c> announces two bytes more than the message has.</summary>
    LyingPayloadLength,
    /// <summary><c>AT+MQTTCFG?</c> shows the password instead of <c>***</c>.</summary>
    PasswordEchoed,
    /// <summary>A command with a broken argument (QoS 3, port 65536) is answered <c>OK</c> instead of <c>+CME ERROR: 601</c>.</summary>
    AcceptsBadArguments,
    /// <summary><c>AT+MQTTUNSUB</c> is acknowledged but publishes on the topic keep arriving.</summary>
    KeepsSubscription,
    /// <summary>Closes the link after the first <c>AT+MQTTOPEN</c>, like a USB cable pulled.</summary>
    Vanish,
    /// <summary><c>+MQTTPUBCOMP</c> comes before <c>+MQTTPUBREC</c>, both right after the <c>OK</c>: buffered before anyone waits.</summary>
    PubCompBeforePubRec,
    /// <summary><c>+MQTTOPEN: OK</c> comes before the <c>OK</c> of <c>AT+MQTTOPEN</c>.</summary>
    OpenUrcBeforeOk,
    /// <summary><c>+MQTTPUBCOMP</c> comes before <c>+MQTTPUBREC</c>, both a second after the <c>OK</c>: while the harness waits.</summary>
    PubCompBeforePubRecLater,
    /// <summary>Every <c>+MQTTSUBACK</c> is sent twice.</summary>
    SubAckTwice,
    /// <summary><c>AT+MQTTUNSUB</c> gets <c>+MQTTPUBACK</c>, the outcome of a publish, instead of <c>+MQTTUNSUBACK</c>.</summary>
    PubAckForUnsub,
    /// <summary><c>AT+MQTTUNSUB</c> gets its <c>+MQTTUNSUBACK</c> and then a <c>+MQTTPUBACK</c> for a publish never made.</summary>
    ExtraPubAckAfterUnsub,
}
