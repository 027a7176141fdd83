namespace Conformance.Protocol.Codes;

/// <summary>
/// Every code the toolkit reports: the analyzer's diagnostics, the parsers' deviations from the manual's canonical
/// form (notes: the value was still understood) and the findings of a run. Codes are stable: scripts and docs refer
/// to them. <c>docs/codes.md</c> and the table in <c>docs/analyzer-json.md</c> are checked against this list.
/// </summary>
public static class CodeList
{
    // Diagnostics of the analyzer, in the order docs/analyzer-json.md lists them.
    public static readonly CodeEntry NoFinalResult = new("no-final-result", Severity.Error, "",
        "A command got no OK, ERROR or +CME ERROR before the next command or the end of the log.");
    public static readonly CodeEntry CommandRetried = new("command-retried", Severity.Warn, "",
        "The host sent a command again, word for word, before the module answered it and within the 5 s a final result may take (a driver's retry after its timeout, an AT sent until the module wakes): the first got no final result in the time the host waited; counted as unanswered, said instead of a no-final-result. A late answer is paired with the repeat.");
    public static readonly CodeEntry FinalWithoutCommand = new("final-without-command", Severity.Note, "",
        "A final result arrived while no command was waiting (the log may start mid-exchange).");
    public static readonly CodeEntry CmeError = new("cme-error", Severity.Warn, "",
        "A command failed with +CME ERROR: <n>; the message explains the code (spec §5; for another family's command only a 3GPP TS 27.007 code is explained).");
    public static readonly CodeEntry CommandError = new("command-error", Severity.Warn, "",
        "A command failed with a plain ERROR (explained when another family's error line says why: ERR CODE:0x01090000), or another family's outcome line says it could not be carried out (+QMTPUB: 0,1,2).");
    public static readonly CodeEntry UrcMissing = new("urc-missing", Severity.Error, "",
        "A command was accepted with OK but the URC carrying its outcome never came (+MQTTOPEN, +MQTTSUBACK, +MQTTPUBACK, +MQTTPUBREC, +MQTTUNSUBACK, +MQTTDISC).");
    public static readonly CodeEntry HandshakeOpen = new("handshake-open", Severity.Error, "",
        "A QoS 2 handshake was left open: +MQTTPUBREC without +MQTTPUBCOMP, or an incoming QoS 2 +MQTTPUBLISH without +MQTTPUBREL.");
    public static readonly CodeEntry UnexpectedUrc = new("unexpected-urc", Severity.Warn, "",
        "A URC that answers nothing that was asked: an ACK with no command or packet id waiting for it.");
    public static readonly CodeEntry AckTimeout = new("ack-timeout", Severity.Warn, "1.9",
        "+MQTTTO: the server did not acknowledge in time.");
    public static readonly CodeEntry SubscribeRefused = new("subscribe-refused", Severity.Warn, "1.4",
        "+MQTTSUBACK with code 128 (or another family's refusal, +QMTSUB: 0,1,0,128): the server refused the subscription.");
    public static readonly CodeEntry OpenFailed = new("open-failed", Severity.Error, "1.2",
        "+MQTTOPEN: FAIL (or another family's failed open or refused CONNACK, +QMTCONN: 0,0,4, +MQTTURC: \"conn\",0,3): the connection could not be made.");
    public static readonly CodeEntry OutOfOrder = new("out-of-order", Severity.Warn, "",
        "A command was sent in a state that does not allow it, e.g. AT+MQTTPUB before +MQTTOPEN: OK.");
    public static readonly CodeEntry CfgWithoutDel = new("cfg-without-del", Severity.Warn, "1.1",
        "AT+MQTTCFG was sent again without AT+MQTTDEL in between (only one instance exists).");
    public static readonly CodeEntry KeepAliveBelowTimeout = new("keepalive-below-timeout", Severity.Warn, "1.1",
        "keepAlive of AT+MQTTCFG is smaller than the AT+MQTTTO timeout: a lost connection can go undetected.");
    public static readonly CodeEntry ConnectionLost = new("connection-lost", Severity.Error, "3.3.5",
        "The module lost the connection and gave up reconnecting (+MQTTDISC without AT+MQTTDISC), or another family's module said its link went down (+QMTSTAT: 0,1, +MQTTDISCONNECTED, +CMQDISCON, +MQTTURC: \"conn\",0,5).");
    public static readonly CodeEntry ModuleRestarted = new("module-restarted", Severity.Warn, "",
        "The module restarted in the middle of the log (a boot banner: RDY, *ATREADY, REBOOT_CAUSE_…): the command it was running and the URCs awaited are lost, the MQTT client is gone.");
    public static readonly CodeEntry ReconnectionStorm = new("reconnection-storm", Severity.Error, "",
        "Three or more reconnection episodes within ten minutes (or within 500 log lines when the log has no times).");
    public static readonly CodeEntry SubscriptionLost = new("subscription-lost", Severity.Warn, "",
        "The host opened the connection again with a clean session (AT+MQTTCFG clean 1) and carried on without subscribing again to a topic it had subscribed before: the server forgot the subscription with the old session, and no message on the topic arrived after.");
    public static readonly CodeEntry RegistrationDenied = new("registration-denied", Severity.Warn, "4.1",
        "The network denied the module's registration (+CEREG stat 3, 3GPP TS 27.007): nothing reaches the server until it registers.");
    public static readonly CodeEntry DpBadHex = new("dp-bad-hex", Severity.Error, "1.5",
        "The hex message of AT+MQTTPUB (message_len > 0) is not valid hex.");
    public static readonly CodeEntry MessageLengthMismatch = new("message-len-mismatch", Severity.Error, "1.5",
        "A length that is not the number of bytes sent: message_len of AT+MQTTPUB against its hex message, msg_len of +MQTTPUBLISH (§1.11) against its message.");
    public static readonly CodeEntry DpMalformed = new("dp-malformed", Severity.Error, "",
        "A $dp payload does not decode: unknown type, a length that lies, invalid UTF-8 or JSON (spec §6).");
    public static readonly CodeEntry FormatDeviation = new("format-deviation", Severity.Note, "",
        "A line differs from the manual's canonical form (spec §7); reported once per kind of deviation, which the message names.");
    public static readonly CodeEntry OtherFamily = new("other-family", Severity.Note, "",
        "Commands of another module family's MQTT set (ESP-AT, Air780, Quectel, SIMCom): timed and paired, not checked against the manual; reported once per family.");
    public static readonly CodeEntry EchoMismatch = new("echo-mismatch", Severity.Note, "",
        "The module echoed a line that differs from the command sent.");
    public static readonly CodeEntry StatusContradiction = new("status-contradiction", Severity.Warn, "1.3",
        "AT+MQTTSTAT? reports a state no line of the log leads to: an instance after AT+MQTTDEL with no AT+MQTTCFG since, a connection after AT+MQTTDISC's +MQTTDISC: OK with no AT+MQTTOPEN since. The module's state machine and what it told the host disagree (or the log misses lines).");
    public static readonly CodeEntry AnswerRepeated = new("answer-repeated", Severity.Warn, "",
        "A command the manual answers with one information line (every one but AT+MQTTSUB?) got its line twice or more: a host that reads the reply line by line gets two answers; said once a command.");
    public static readonly CodeEntry AnswerAfterFinal = new("answer-after-final", Severity.Warn, "",
        "A command's information line (+CSQ, +MQTTSTAT) came after its final result: a host has closed the reply by then, and takes the line for a URC or for its next command's answer.");
    public static readonly CodeEntry UnreadableLine = new("unreadable-line", Severity.Warn, "",
        "A command or a line of module output could not be understood; the message gives the character position.");
    public static readonly CodeEntry LineTooLong = new("line-too-long", Severity.Error, "",
        "A line longer than the frame limit; its bytes were skipped.");
    public static readonly CodeEntry Noise = new("noise", Severity.Note, "",
        "Bytes that form no line (NUL, 0xFF, other control bytes), e.g. at power-up.");
    public static readonly CodeEntry GarbledOutput = new("garbled-output", Severity.Warn, "",
        "Lines of the module's output are not text (control bytes, 0x80, 0xFF, byte pairs no Chinese text holds): the port is read at a baud rate other than the module's, or the line is noisy (a loose wire, a module booting at another rate); said once with the first and how many.");
    public static readonly CodeEntry LineEnd = new("line-end", Severity.Note, "",
        "The module ends lines otherwise than CR LF (LF or CR alone, CR CR LF), where the manual frames every response as CR LF, text, CR LF; said once a log (a run: once a scenario) with the first and how often.");
    public static readonly CodeEntry TruncatedInput = new("truncated-input", Severity.Warn, "",
        "The log ends in the middle of a line or of a +MQTTPUBLISH message.");
    public static readonly CodeEntry UnknownDirection = new("unknown-direction", Severity.Note, "",
        "Records whose direction the log does not give were read as module output.");
    public static readonly CodeEntry TimeWentBack = new("time-went-back", Severity.Warn, "",
        "The log's time goes back (a clock set back, files joined out of order): latencies and durations across it are not measured.");
    public static readonly CodeEntry StampNotATime = new("stamp-not-a-time", Severity.Warn, "",
        "A line's time stamp is no real date or time (2024-02-30, 13th month, 25:61:00): the line is read without a time, and no latency is measured to or from it.");
    public static readonly CodeEntry WholeSecondStamps = new("whole-second-stamps", Severity.Note, "",
        "The log's stamps are whole seconds (14:00:05, no fraction): a command and its final result stamped so are not timed, since an answer of a few ms and one of nearly two seconds read alike; said once a log. Once the log has shown a stamp with a fraction, a whole second is chance and is timed.");
    public static readonly CodeEntry SplitLine = new("split-line", Severity.Note, "",
        "A line that came in pieces was read as one: a terminal split it over two stamps (+MQTTOP / EN: OK, a few ms apart), noted once per log; or, in a run, the module paused a second or more in the middle of it (a host that takes a pause for a line's end cuts it), noted once a scenario.");
    public static readonly CodeEntry RowNotHex = new("row-not-hex", Severity.Warn, "",
        "A row of a CSV export or a JSON line that says its data is hex (a HEX, 十六进制 or H notation, TX(HEX)) holds data that is not hex pairs (letters, an odd number of digits): it is read as text, as written, and the message says what was wrong.");
    public static readonly CodeEntry OneSideOnly = new("one-side-only", Severity.Warn, "",
        "The log holds the host's side of the port only: its commands and no line of the module (an MCU's print of what it sent); said once instead of a no-final-result per command.");

    // Deviations of responses and URCs from the manual's canonical form.
    public static readonly CodeEntry NoSpaceAfterColon = new("no-space-after-colon", Severity.Note, "",
        "A response has no space after its colon; the manual writes '+NAME: '.");
    public static readonly CodeEntry CurlyQuotes = new("curly-quotes", Severity.Note, "",
        "A string is quoted with typographic quotes instead of '\"'.");
    public static readonly CodeEntry UnquotedTopic = new("unquoted-topic", Severity.Note, "1.11",
        "A topic in a URC is not quoted; the manual quotes it.");
    public static readonly CodeEntry PingRespSpelling = new("pingresp-spelling", Severity.Note, "1.10",
        "The ping report is spelled +MQTTPINGRESP; the manual writes +MQTTPINGRSP.");
    public static readonly CodeEntry SubAckWithoutTopic = new("suback-without-topic", Severity.Note, "1.11",
        "+MQTTSUBACK without a topic, as §1.4's example writes it; §1.11 writes the topic.");
    public static readonly CodeEntry TopicInUnsubAck = new("topic-in-unsuback", Severity.Note, "1.11",
        "+MQTTUNSUBACK carries a topic; the manual writes only the packet id.");
    public static readonly CodeEntry PubAckSecondField = new("puback-second-field", Severity.Note, "1.11",
        "The second field of +MQTTPUBACK is not 1: the v1.3 guide puts the DUP flag where the manual puts the QoS.");
    public static readonly CodeEntry DupPackIdSwapped = new("dup-packid-swapped", Severity.Note, "1.11",
        "A QoS 2 acknowledgement reads as <packId>,<dup>; the manual writes <dup>,<packId>.");
    public static readonly CodeEntry QuotedMessage = new("quoted-message", Severity.Note, "1.11",
        "An inline +MQTTPUBLISH message is in quotes that msg_len counts, as ML302 firmware sends text; the quotes are dropped.");
    public static readonly CodeEntry PasswordEchoed = new("password-echoed", Severity.Note, "1.1",
        "The answer to AT+MQTTCFG? shows the password instead of masking it.");
    public static readonly CodeEntry PasswordMaskForm = new("password-mask-form", Severity.Note, "1.1",
        "The answer to AT+MQTTCFG? masks the password differently from the manual's example.");
    public static readonly CodeEntry ImeiNot15Digits = new("imei-not-15-digits", Severity.Note, "3.2.2",
        "The IMEI read back does not have 15 digits.");

    // Deviations of command lines (each occurrence names its command's section).
    public static readonly CodeEntry LowercaseAt = new("lowercase-at", Severity.Note, "",
        "The AT prefix is not upper case.");
    public static readonly CodeEntry LowercaseCommand = new("lowercase-command", Severity.Note, "",
        "The command name is not upper case.");
    public static readonly CodeEntry UnquotedString = new("unquoted-string", Severity.Note, "",
        "A string argument is not quoted; the manual writes strings in double quotes.");
    public static readonly CodeEntry QuotedNumber = new("quoted-number", Severity.Note, "",
        "A number argument is quoted; the manual writes numbers bare.");
    public static readonly CodeEntry SpaceInsideQuotes = new("space-inside-quotes", Severity.Note, "",
        "A quoted argument has leading or trailing spaces, which the module keeps as part of the value.");
    public static readonly CodeEntry SpaceAroundArgument = new("space-around-argument", Severity.Note, "",
        "Spaces around an argument or after the command; the manual writes none.");
    public static readonly CodeEntry TrailingSpace = new("trailing-space", Severity.Note, "",
        "A final result or a URC's word ends in spaces or tabs (`OK `, `+MQTTOPEN: OK `); a host that compares the line whole misses it.");
    public static readonly CodeEntry MissingValue = new("missing-value", Severity.Note, "",
        "ATE without a value; the manual writes ATE0 or ATE1.");
    public static readonly CodeEntry MissingDup = new("missing-dup", Severity.Note, "1.5",
        "AT+MQTTPUB leaves out dup; the manual sends <retain>,<dup>,<message_len> before the message.");
    public static readonly CodeEntry MissingMessageLength = new("missing-message-len", Severity.Note, "1.5",
        "AT+MQTTPUB leaves out message_len; the manual sends 0 before a text message.");
    public static readonly CodeEntry MqttCfgEighthArgument = new("mqttcfg-eighth-argument", Severity.Note, "1.1",
        "AT+MQTTCFG has an eighth argument, as M5311 firmware sends it; the M5310-A manual has seven.");
    public static readonly CodeEntry WillFieldsOmitted = new("will-fields-omitted", Severity.Note, "1.2",
        "AT+MQTTOPEN leaves out the will arguments after willFlag 0, as M5311 firmware writes it; the manual sends all seven.");

    // The order of an exchange (docs/interpretation.md).
    public static readonly CodeEntry OutcomeBeforeFinal = new("outcome-before-final", Severity.Note, "",
        "A command's outcome URC arrived before its final result; taken as the outcome, though the manual sends OK first.");

    /// <summary>Stray characters before an echoed command (line noise, a keystroke): read as that command.</summary>
    public static readonly CodeEntry JunkBeforeAt = new("junk-before-at", Severity.Note, "4.1",
        "Stray characters stand before an echoed AT command; the command after them is read.");

    // Findings of a run only.
    public static readonly CodeEntry FreeText = new("free-text", Severity.Note, "1.11",
        "The module printed text that is no AT syntax while no command was pending.");
    public static readonly CodeEntry LineWithoutCommand = new("line-without-command", Severity.Note, "1.11",
        "An echo or information line arrived while no command was pending.");
    public static readonly CodeEntry PingReportPolarity = new("ping-report-polarity", Severity.Note, "1.10",
        "AT+MQTTPING=1 turns +MQTTPINGRSP reports on, as the v1.3 guide and drivers say; the manual's text says 0.");
    public static readonly CodeEntry AnswerOwed = new("answer-owed", Severity.Warn, "",
        "A run: a command that timed out in the scenario before was still unanswered when this scenario began; a module answers in order, so an answer it sends later is read as one of this scenario's.");

    /// <summary>All codes, in the order <c>docs/codes.md</c> lists them.</summary>
    public static IReadOnlyList<CodeEntry> All { get; } =
    [
        NoFinalResult, CommandRetried, FinalWithoutCommand, CmeError, CommandError, UrcMissing, HandshakeOpen, UnexpectedUrc, AckTimeout,
        SubscribeRefused, OpenFailed, OutOfOrder, CfgWithoutDel, KeepAliveBelowTimeout, ConnectionLost, ModuleRestarted, ReconnectionStorm, SubscriptionLost,
        RegistrationDenied, DpBadHex, MessageLengthMismatch, DpMalformed, FormatDeviation, OtherFamily, EchoMismatch, StatusContradiction, AnswerRepeated, AnswerAfterFinal, UnreadableLine, LineTooLong,
        Noise, GarbledOutput, LineEnd, TruncatedInput, UnknownDirection, TimeWentBack, StampNotATime, WholeSecondStamps, SplitLine, RowNotHex, OneSideOnly,
        NoSpaceAfterColon, CurlyQuotes, UnquotedTopic, PingRespSpelling, SubAckWithoutTopic, TopicInUnsubAck, PubAckSecondField,
        DupPackIdSwapped, QuotedMessage, PasswordEchoed, PasswordMaskForm, ImeiNot15Digits,
        LowercaseAt, LowercaseCommand, UnquotedString, QuotedNumber, SpaceInsideQuotes, SpaceAroundArgument, TrailingSpace, MissingValue,
        MissingDup, MissingMessageLength, MqttCfgEighthArgument, WillFieldsOmitted,
        OutcomeBeforeFinal, JunkBeforeAt,
        FreeText, LineWithoutCommand, PingReportPolarity, AnswerOwed,
    ];
}
