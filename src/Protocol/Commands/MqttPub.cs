using Conformance.Protocol.Codes;
using System.Text;

namespace Conformance.Protocol.Commands;

/// <summary>
/// <c>AT+MQTTPUB=…</c>: publish (manual §1.5). With message_len 0 the message is text sent as typed;
/// with message_len &gt; 0 it is hex and message_len counts the bytes it encodes.
/// </summary>
/// <param name="Topic">Topic without wildcards; OneNET data points go to <c>$dp</c>.</param>
/// <param name="Qos">0..2.</param>
/// <param name="Retain">Ask the broker to keep the message for new subscribers.</param>
/// <param name="Dup">Duplicate flag as sent; the module forces it to 0.</param>
/// <param name="MessageLength">0 for text, else the byte count of the hex message.</param>
/// <param name="Message">The text, or the hex digits as written.</param>
public sealed record MqttPub(string Topic, int Qos, bool Retain, bool Dup, int MessageLength, string Message) : AtCommand
{
    /// <summary>The arguments of the manual's form; the last, the message, takes the rest of the line (commas in it are content).</summary>
    internal const int Fields = 6;

    private const string Usage = "AT+MQTTPUB=<topic>,<qos>,<retain>,<dup>,<message_len>,<message>";

    public override string Name => "+MQTTPUB";
    public override string Section => "1.5";

    /// <summary>True when the message is hex (message_len &gt; 0).</summary>
    public bool IsHex => MessageLength > 0;

    /// <summary>The bytes published: the text as UTF-8, or the decoded hex.</summary>
    public byte[] GetMessageBytes() => IsHex ? Convert.FromHexString(Message) : Encoding.UTF8.GetBytes(Message);

    public override string Format() =>
        Set(Quoted(Topic), $"{Qos}", Bit(Retain), Bit(Dup), $"{MessageLength}", IsHex ? Message : Quoted(Message));

    internal static MqttPub Parse(ArgumentList arguments)
    {
        // Canonical: six arguments, the fifth numeric. Otherwise the sender left message_len out (spec §3.5, §7).
        return arguments.Count >= 6 && arguments.IsNumber(4) ? ParseCanonical(arguments) : ParseShort(arguments);
    }

    private static MqttPub ParseCanonical(ArgumentList arguments)
    {
        var topic = arguments.Text(0, "topic", ArgumentRules.PublishTopic);
        var qos = arguments.Number(1, "qos", ArgumentRules.Qos);
        var retain = arguments.Bit(2, "retain");
        var dup = arguments.Bit(3, "dup");
        var length = arguments.Number(4, "message_len", ArgumentRules.MessageLength);
        if (length == 0) return new MqttPub(topic, qos, retain, dup, 0, arguments.Message(5, "message"));
        var hex = arguments.Hex(5, "message");
        if (ArgumentRules.HexLength(length, hex) is { } broken)
            throw ParseFailure.Argument("message_len", broken.Rule, arguments.Position(4));
        return new MqttPub(topic, qos, retain, dup, length, hex);
    }

    private static MqttPub ParseShort(ArgumentList arguments)
    {
        // `topic,qos,retain,dup,message` keeps dup; the manual's §1.11 example `topic,qos,retain,message` drops it too.
        var withDup = arguments.Resplit(5);
        var full = withDup.Count == 5 && withDup.IsNumber(3);
        var list = full ? withDup : arguments.Resplit(4);
        if (list.Count < 4) list.ExpectCount(6, 6, Usage);
        var topic = list.Text(0, "topic", ArgumentRules.PublishTopic);
        var qos = list.Number(1, "qos", ArgumentRules.Qos);
        var retain = list.Bit(2, "retain");
        var dup = full && list.Bit(3, "dup");
        if (!full) list.Note(CodeList.MissingDup, "dup is missing; the manual sends <retain>,<dup>,<message_len> before the message");
        list.Note(CodeList.MissingMessageLength, "message_len is missing; the manual sends 0 before a text message");
        return new MqttPub(topic, qos, retain, dup, 0, list.Message(full ? 4 : 3, "message"));
    }
}
