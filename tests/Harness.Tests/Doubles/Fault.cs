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
    /// <summary><c>+MQTTPUBCOMP</c> comes before <c>+MQTTPUBREC</c>, both a second after the <c>OK</c>: while the harness waits.</summary>
    PubCompBeforePubRecLater,
    /// <summary>Every <c>+MQTTSUBACK</c> is sent twice.</summary>
    SubAckTwice,
    /// <summary><c>AT+MQTTUNSUB</c> gets <c>+MQTTPUBACK</c>, the outcome of a publish, instead of <c>+MQTTUNSUBACK</c>.</summary>
    PubAckForUnsub,
    /// <summary><c>AT+MQTTUNSUB</c> gets its <c>+MQTTUNSUBACK</c> and then a <c>+MQTTPUBACK</c> for a publish never made.</summary>
    ExtraPubAckAfterUnsub,
    /// <summary><c>+MQTTOPEN: OK</c> comes before the command's own <c>OK</c>, as some field firmware sends it.</summary>
    OutcomeBeforeOk,
    /// <summary>Restarts on <c>AT+MQTTSUB</c> instead of answering: <c>REBOOT_CAUSE_…</c>, <c>Neul</c>, the boot's <c>OK</c>, no instance left.</summary>
    RestartsOnSub,
    /// <summary>Answers <c>AT+MQTTCFG</c> with <c>OK</c> twice.</summary>
    OkTwiceForCfg,
    /// <summary>Writes NUL and 0xFF bytes before every line, as a noisy UART does.</summary>
    NoiseBeforeLines,
    /// <summary>Writes a line of garbage before every line: a burst of its output at 57600 baud as a port at 115200 reads it.</summary>
    GarbageBetweenLines,
    /// <summary>Writes a 70 KB line (longer than any frame a host keeps) before answering <c>AT+MQTTSTAT?</c>.</summary>
    OverlongLineOnStat,
    /// <summary>Reports a connection as <c>+MQTTOPEN: 0</c>, a form the manual does not have, after the OPEN's <c>OK</c>.</summary>
    OpenResultAsNumber,
    /// <summary>Writes its lines in GBK, so a Chinese topic comes back in other bytes than the host sent.</summary>
    GbkLines,
    /// <summary>Prints a debug line of no AT syntax inside its answer to <c>AT+MQTTSTAT?</c>.</summary>
    DebugPrintInAnswer,
    /// <summary>Echoes every command in lower case (echo on).</summary>
    EchoInLowerCase,
    /// <summary>Sends a <c>+MQTTSUBACK</c> after answering <c>AT+MQTTSTAT?</c>: an ACK no subscribe waits for.</summary>
    SubAckUnasked,
    /// <summary>Sends a <c>+MQTTUNSUBACK</c> after answering <c>AT+MQTTSTAT?</c>: an ACK no unsubscribe waits for.</summary>
    UnsubAckUnasked,
    /// <summary>Sends a <c>+MQTTPUBACK</c> after answering <c>AT+MQTTSTAT?</c>: an ACK no QoS 1 publish waits for.</summary>
    PubAckUnasked,
    /// <summary>Prints an NB-IoT status line, <c>+CSCON: 1</c>, after its <c>+MQTTSTAT</c> line and before the <c>OK</c>.</summary>
    StatusLineInAnswer,
    /// <summary>Prints <c>+MQTTPINGRSP: OK</c> between its echo of <c>AT+MQTTSTAT?</c> and the answer (echo on).</summary>
    UrcBetweenEchoAndAnswer,
    /// <summary>Ends its answer to <c>AT+MQTTSTAT?</c> with <c>OK</c> and no line end after it.</summary>
    OkWithoutLineEnd,
    /// <summary>Ends every line with a bare LF, no CR.</summary>
    LineFeedOnly,
    /// <summary>Answers <c>AT+MQTTCFG</c> with <c>ERROR</c> and then <c>OK</c>.</summary>
    ErrorThenOk,
    /// <summary>Refuses a broken argument with <c>+CME ERROR: 9999</c>, a code the manual does not have, instead of 601.</summary>
    UnknownCmeCode,
    /// <summary>Drops the middle byte of every publish message it sends back, msg_len unchanged.</summary>
    DropsPayloadByte,
    /// <summary>Stops answering after <c>AT+MQTTOPEN</c>'s OK, the link left open: frozen firmware.</summary>
    FallsSilent,
}
