namespace Conformance.Analyzer.Diagnostics;

/// <summary>Every diagnostic the analyzer reports. Codes are stable: scripts and docs refer to them.</summary>
public static class DiagnosticCodes
{
    public static readonly DiagnosticCode NoFinalResult = new("no-final-result", Severity.Error,
        "A command got no OK, ERROR or +CME ERROR before the next command or the end of the log.");
    public static readonly DiagnosticCode FinalWithoutCommand = new("final-without-command", Severity.Note,
        "A final result arrived while no command was waiting (the log may start mid-exchange).");
    public static readonly DiagnosticCode CmeError = new("cme-error", Severity.Warn,
        "A command failed with +CME ERROR: <n>; the message explains the code (spec §5).");
    public static readonly DiagnosticCode CommandError = new("command-error", Severity.Warn,
        "A command failed with a plain ERROR.");
    public static readonly DiagnosticCode UrcMissing = new("urc-missing", Severity.Error,
        "A command was accepted with OK but the URC carrying its outcome never came (+MQTTOPEN, +MQTTSUBACK, +MQTTPUBACK, +MQTTPUBREC, +MQTTUNSUBACK, +MQTTDISC).");
    public static readonly DiagnosticCode HandshakeOpen = new("handshake-open", Severity.Error,
        "A QoS 2 handshake was left open: +MQTTPUBREC without +MQTTPUBCOMP, or an incoming QoS 2 +MQTTPUBLISH without +MQTTPUBREL.");
    public static readonly DiagnosticCode UnexpectedUrc = new("unexpected-urc", Severity.Warn,
        "A URC that answers nothing that was asked: an ACK with no command or packet id waiting for it.");
    public static readonly DiagnosticCode AckTimeout = new("ack-timeout", Severity.Warn,
        "+MQTTTO: the server did not acknowledge in time (§1.9).");
    public static readonly DiagnosticCode SubscribeRefused = new("subscribe-refused", Severity.Warn,
        "+MQTTSUBACK with code 128: the server refused the subscription (§1.4).");
    public static readonly DiagnosticCode OpenFailed = new("open-failed", Severity.Error,
        "+MQTTOPEN: FAIL: the connection could not be made (§1.2).");
    public static readonly DiagnosticCode OutOfOrder = new("out-of-order", Severity.Warn,
        "A command was sent in a state that does not allow it, e.g. AT+MQTTPUB before +MQTTOPEN: OK.");
    public static readonly DiagnosticCode CfgWithoutDel = new("cfg-without-del", Severity.Warn,
        "AT+MQTTCFG was sent again without AT+MQTTDEL in between (§1.1: only one instance exists).");
    public static readonly DiagnosticCode KeepAliveBelowTimeout = new("keepalive-below-timeout", Severity.Warn,
        "keepAlive of AT+MQTTCFG is smaller than the AT+MQTTTO timeout: a lost connection can go undetected (§1.1).");
    public static readonly DiagnosticCode ConnectionLost = new("connection-lost", Severity.Error,
        "The module lost the connection and gave up reconnecting (+MQTTDISC without AT+MQTTDISC, §3.3.5).");
    public static readonly DiagnosticCode ReconnectionStorm = new("reconnection-storm", Severity.Error,
        "Three or more reconnection episodes within ten minutes (or within 500 log lines when the log has no times).");
    public static readonly DiagnosticCode DpBadHex = new("dp-bad-hex", Severity.Error,
        "The hex message of AT+MQTTPUB (message_len > 0) is not valid hex (§1.5).");
    public static readonly DiagnosticCode MessageLengthMismatch = new("message-len-mismatch", Severity.Error,
        "message_len of AT+MQTTPUB is not the number of bytes the hex message encodes (§1.5).");
    public static readonly DiagnosticCode DpMalformed = new("dp-malformed", Severity.Error,
        "A $dp payload does not decode: unknown type, a length that lies, invalid UTF-8 or JSON (spec §6).");
    public static readonly DiagnosticCode Deviation = new("format-deviation", Severity.Note,
        "A line differs from the manual's canonical form (spec §7); reported once per kind of deviation.");
    public static readonly DiagnosticCode OtherFamily = new("other-family", Severity.Note,
        "Commands of another module family's MQTT set (ESP-AT, Air780, Quectel, SIMCom): timed and paired, not checked against the manual; reported once per family.");
    public static readonly DiagnosticCode EchoMismatch = new("echo-mismatch", Severity.Note,
        "The module echoed a line that differs from the command sent.");
    public static readonly DiagnosticCode UnreadableLine = new("unreadable-line", Severity.Warn,
        "A command or a line of module output could not be understood; the message gives the character position.");
    public static readonly DiagnosticCode LineTooLong = new("line-too-long", Severity.Error,
        "A line longer than the frame limit; its bytes were skipped.");
    public static readonly DiagnosticCode Noise = new("noise", Severity.Note,
        "Bytes that form no line (NUL, 0xFF, other control bytes), e.g. at power-up.");
    public static readonly DiagnosticCode Truncated = new("truncated-input", Severity.Warn,
        "The log ends in the middle of a line or of a +MQTTPUBLISH message.");
    public static readonly DiagnosticCode UnknownDirection = new("unknown-direction", Severity.Note,
        "Records whose direction the log does not give were read as module output.");

    /// <summary>All codes, in the order the documentation lists them.</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } =
    [
        NoFinalResult, FinalWithoutCommand, CmeError, CommandError, UrcMissing, HandshakeOpen, UnexpectedUrc, AckTimeout,
        SubscribeRefused, OpenFailed, OutOfOrder, CfgWithoutDel, KeepAliveBelowTimeout, ConnectionLost, ReconnectionStorm,
        DpBadHex, MessageLengthMismatch, DpMalformed, Deviation, OtherFamily, EchoMismatch, UnreadableLine, LineTooLong, Noise,
        Truncated, UnknownDirection,
    ];
}
