using System.Text.RegularExpressions;

namespace Conformance.Harness.Tests.FieldMutants;

/// <summary>Misbehaviours seen in shipping firmware, each a rewrite of the faithful script's answer to one command.</summary>
public static class FieldFirmware
{
    private const string Crlf = "\r\n", Connected = "\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n";

    public static readonly FieldMutant LowercaseOk = new("answers ok in lower case", "AT+MQTTSTAT?", (_, r) => r.Replace("\r\nOK\r\n", "\r\nok\r\n"));

    public static readonly FieldMutant OpenUrcFirstNoOk = new("reports +MQTTOPEN: OK and never its OK", "AT+MQTTOPEN", (_, r) => r.Replace(Connected, "\r\n+MQTTOPEN: OK\r\n"));

    public static readonly FieldMutant OpenAsNumberNoOk = new("answers AT+MQTTOPEN with +MQTTOPEN: 0 alone", "AT+MQTTOPEN", (_, r) => r.Replace(Connected, "\r\n+MQTTOPEN: 0\r\n"));

    public static readonly FieldMutant PublishExtraSpace = new("puts a space after a comma in +MQTTPUBLISH", "AT+MQTTPUB=", (_, r) => r.Replace("+MQTTPUBLISH: 0,", "+MQTTPUBLISH: 0, "));

    public static readonly FieldMutant PublishMissingComma = new("leaves out the comma before msg_len in +MQTTPUBLISH", "AT+MQTTPUB=", (_, r) => Regex.Replace(r, "(\\+MQTTPUBLISH: [^\r]*\"),(\\d+)\r", "$1$2\r"));

    public static readonly FieldMutant PublishShortLength = new("announces one byte less than the +MQTTPUBLISH message has", "AT+MQTTPUB=", (_, r) => Regex.Replace(r, "(\\+MQTTPUBLISH: [^\r]*,)(\\d+)\r", m => m.Groups[1].Value + (int.Parse(m.Groups[2].Value) - 1) + "\r"));

    public static readonly FieldMutant CrOnly = new("ends its lines with CR alone", "AT", (_, r) => r.Replace(Crlf, "\r"));

    public static readonly FieldMutant LfOnly = new("ends its lines with LF alone", "AT", (_, r) => r.Replace(Crlf, "\n"));

    public static readonly FieldMutant CrCrLf = new("ends its lines with CR CR LF", "AT", (_, r) => r.Replace(Crlf, "\r\r\n"));

    public static readonly FieldMutant UnknownCme = new("refuses with a +CME ERROR code the manual does not have", "AT+MQTTSUB=", (_, r) => r.Replace("+CME ERROR: 601", "+CME ERROR: 9999"));

    public static readonly FieldMutant UrcInsideList = new("prints a URC inside its AT+MQTTSUB? list", "AT+MQTTSUB?", (_, r) => r.Replace("\r\n+MQTTSUB:\r\n", "\r\n+MQTTSUB:\r\n\r\n+MQTTPINGRSP: OK\r\n"));

    public static readonly FieldMutant OkTwice = new("answers AT+MQTTSTAT? with OK twice", "AT+MQTTSTAT?", (_, r) => r + "\r\nOK\r\n");

    public static readonly FieldMutant RebootOnSub = new("restarts on AT+MQTTSUB while connected", "AT+MQTTSUB=", (_, r) => r.StartsWith("\r\nOK\r\n", StringComparison.Ordinal) ? "\r\nREBOOT_CAUSE_SECURITY_RESET_PIN\r\n\r\nNeul \r\n\r\nOK\r\n" : r);

    public static readonly FieldMutant PubAckNeverSent = new("acknowledges a QoS 0 publish with +MQTTPUBACK", "AT+MQTTPUB=", (_, r) => r.StartsWith("\r\nOK\r\n", StringComparison.Ordinal) && !r.Contains("+MQTTPUBACK") && !r.Contains("+MQTTPUBREC") ? r + "\r\n+MQTTPUBACK: 77,1\r\n" : r);

    public static readonly FieldMutant PubAckTwice = new("acknowledges a QoS 1 publish twice, the second time with an id never sent", "AT+MQTTPUB=", (_, r) => Regex.Replace(r, "(\\+MQTTPUBACK: \\d+,1\r\n)", "$1\r\n+MQTTPUBACK: 77,1\r\n"));

    public static readonly FieldMutant LateAnswer = new("answers AT+MQTTSTAT? after the command's timeout", "AT+MQTTSTAT?", (_, r) => r, TimeSpan.FromSeconds(7));

    public static readonly FieldMutant Garbage = new("writes NUL and 0xFF between its lines", "AT", (_, r) => r.Replace("\r\n\r\n", "\r\n\0\u00FF\0\r\n"));

    public static readonly FieldMutant EchoStuckOn = new("echoes every command, ATE0 or not", "AT", (command, r) => command + Crlf + r);

    // A URC the module prints while an answer is under way: the manual does not say URCs wait for an answer's end.
    // Its message (on the next line, or inline) reads "OK": a host that split lines before cutting by msg_len ends the answer there.
    public static readonly FieldMutant PublishInsideList = new("prints a +MQTTPUBLISH whose message is OK inside its AT+MQTTSUB? list", "AT+MQTTSUB?",
        (_, r) => r.Replace("\r\n+MQTTSUB:\r\n", "\r\n+MQTTSUB:\r\n\r\n+MQTTPUBLISH: 0,0,0,0,\"dev/gsm/u\",2\r\n\r\nOK\r\n"));

    public static readonly FieldMutant PublishBetweenEchoAndAnswer = new("prints a +MQTTPUBLISH whose message is OK between its echo and its answer", "AT+MQTTSTAT?",
        (command, r) => command + Crlf + "\r\n+MQTTPUBLISH: 0,0,0,0,\"dev/gsm/u\",2,OK\r\n" + r);

    // A link blip the module recovers from by itself (manual §3.3.5), reported in the middle of an answer.
    public static readonly FieldMutant ReconnectionInsideAnswer = new("reports a reconnection between its +MQTTSTAT line and OK", "AT+MQTTSTAT?",
        (_, r) => r.Contains("+MQTTSTAT: 5", StringComparison.Ordinal) ? r.Replace("\r\nOK\r\n", "\r\n+MQTTREC: 0\r\n\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n") : r);

    public static readonly FieldMutant PubAckBeforeOk = new("reports +MQTTPUBACK before AT+MQTTPUB's OK", "AT+MQTTPUB=",
        (_, r) => Regex.Replace(r, "^\r\nOK\r\n(\r\n\\+MQTTPUBACK: [^\r]*\r\n)", "$1\r\nOK\r\n"));

    public static readonly FieldMutant SubAckPaused = new("stops 2 s in the middle of its +MQTTSUBACK line", "AT+MQTTSUB=",
        (_, r) => r.Replace("+MQTTSUBACK: ", "+MQTTSUB" + FieldMutant.Pause + "ACK: "));

    public static readonly FieldMutant StatPaused = new("stops 2 s in the middle of its +MQTTSTAT line", "AT+MQTTSTAT?",
        (_, r) => r.Replace("+MQTTSTAT: ", "+MQTTST" + FieldMutant.Pause + "AT: "));

    public static readonly FieldMutant PublishPaused = new("stops 2 s in the middle of a +MQTTPUBLISH message", "AT+MQTTPUB=",
        (_, r) => Regex.Replace(r, "(\\+MQTTPUBLISH: [^\r]*\r\n\r\n[^\r]{3})", "$1" + FieldMutant.Pause));

    public static readonly FieldMutant OkTrailingSpace = new("answers 'OK ' with a space after it", "AT+MQTTSTAT?", (_, r) => r.Replace("\r\nOK\r\n", "\r\nOK \r\n"));

    public static readonly FieldMutant LongLateAnswer = new("answers AT+MQTTSTAT? 12 s late, past the reset's wait for it", "AT+MQTTSTAT?", (_, r) => r, TimeSpan.FromSeconds(12));

    // Neither asked (AT+MQTTDISC) nor the end of reconnection attempts (+MQTTREC, manual §3.3.5): and the session goes on.
    public static readonly FieldMutant SpuriousDisc = new("reports +MQTTDISC: OK after a +MQTTSUBACK, still connected", "AT+MQTTSUB=",
        (_, r) => r.Contains("+MQTTSUBACK", StringComparison.Ordinal) ? r + "\r\n+MQTTDISC: OK\r\n" : r);

    // The broker's answer takes its time: the second OK comes while the host waits for +MQTTDISC, in a scenario or a reset.
    public static readonly FieldMutant DiscOkTwice = new("answers AT+MQTTDISC with OK, then 2 s later +MQTTDISC: OK and OK again", "AT+MQTTDISC",
        (_, r) => r.Replace("\r\nOK\r\n\r\n+MQTTDISC: OK\r\n", "\r\nOK\r\n" + FieldMutant.Pause + "\r\n+MQTTDISC: OK\r\n\r\nOK\r\n"));

    // Lines a moment after the answer, while the module is still busy with it: the answer's last line on the wire is not its last.
    private static FieldMutant AfterStat(string name, string line) =>
        new(name, "AT+MQTTSTAT?", (_, r) => r + FieldMutant.Pause + $"\r\n{line}\r\n") { PauseFor = TimeSpan.FromMilliseconds(400) };

    public static readonly FieldMutant StatOkTwiceAMomentApart = AfterStat("answers AT+MQTTSTAT? with OK, and 0.4 s later OK again", "OK");

    public static readonly FieldMutant PubAckAfterStat = AfterStat("reports +MQTTPUBACK for a packet id never published 0.4 s after AT+MQTTSTAT?'s OK", "+MQTTPUBACK: 77,1");

    public static readonly FieldMutant DiscAfterStat = AfterStat("reports +MQTTDISC: OK 0.4 s after AT+MQTTSTAT?'s OK, unasked", "+MQTTDISC: OK");

    public static readonly FieldMutant[] All = [LowercaseOk, OpenUrcFirstNoOk, OpenAsNumberNoOk, PublishExtraSpace, PublishMissingComma, PublishShortLength, CrOnly, LfOnly, CrCrLf, UnknownCme, UrcInsideList, OkTwice, RebootOnSub, PubAckNeverSent, PubAckTwice, LateAnswer, Garbage, EchoStuckOn, PublishInsideList, PublishBetweenEchoAndAnswer, ReconnectionInsideAnswer,
        PubAckBeforeOk, SubAckPaused, StatPaused, PublishPaused, OkTrailingSpace, LongLateAnswer, SpuriousDisc, DiscOkTwice, StatOkTwiceAMomentApart,
        PubAckAfterStat, DiscAfterStat];
}
