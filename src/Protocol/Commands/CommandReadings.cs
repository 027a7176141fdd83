using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Commands;

/// <summary>
/// Reads the command lines of one log as <see cref="AtCommandParser.Parse"/> does, each line's reading shared by
/// its repeats: a log repeats its commands word for word (<c>AT+CSQ</c>), and a device that publishes sends the same
/// publish with another message every time (<c>AT+MQTTPUB="dev/u",1,0,0,0,"t=21"</c>), so that line is read from the
/// last one with the same head.
/// </summary>
/// <remarks>
/// A publish's reading depends on its message only through the message itself: every deviation and every rule of
/// the line is decided by the text before the message's opening quote, but for a hex message's own rules; a message
/// in straight quotes at the end of the line is taken verbatim. So a line with the same head and a message in straight
/// quotes ending the line reads as the earlier one with the new message, once a hex message keeps the hex rules.
/// </remarks>
public sealed class CommandReadings
{
    // The first distinct lines of a log are kept; that is where the repeating ones show up. Bounds the memory.
    private const int Capacity = 256;

    private readonly Dictionary<string, ParseResult<AtCommand>> _lines = new(StringComparer.Ordinal);
    // A device publishes to a few topics in a few forms: the last publishes of distinct heads, each up to and with its
    // message's opening quote, with their readings.
    private const int Heads = 8;
    private readonly (string Head, ParseResult<AtCommand> Reading)[] _publishes = new (string, ParseResult<AtCommand>)[Heads];
    private int _next;

    /// <summary>The reading of <paramref name="line"/>, the same as <see cref="AtCommandParser.Parse"/> gives.</summary>
    public ParseResult<AtCommand> Of(string line)
    {
        if (_lines.TryGetValue(line, out var reading)) return reading;
        if (line.Length > 0 && line[^1] == '"')
        {
            foreach (var (head, earlier) in _publishes)
            {
                if (head is null || line.Length <= head.Length || !line.StartsWith(head, StringComparison.Ordinal)) continue;
                var publish = (MqttPub)earlier.Value!;
                if (Fits(line[head.Length..^1], publish) is { } message) return earlier with { Value = publish with { Message = message } };
            }
        }
        reading = AtCommandParser.Parse(line);
        if (_lines.Count < Capacity) _lines.Add(line, reading);
        if (reading.Value is MqttPub) Learn(line, reading);
        return reading;
    }

    // A hex message must still keep the hex rules, message_len's count among them; a line that breaks one is parsed for its error.
    private static string? Fits(string message, MqttPub publish) =>
        !publish.IsHex || ArgumentRules.Hex(message) is null && ArgumentRules.HexLength(publish.MessageLength, message) is null ? message : null;

    /// <summary>Keeps a publish whose message is in straight quotes at the very end of the line as the one to read the next from.</summary>
    private void Learn(string line, ParseResult<AtCommand> reading)
    {
        if (line[^1] != '"' || !CommandLine.TryReadName(line, out _, out var form, out var start) || form != CommandForm.Set) return;
        var fields = new List<AtFieldRange>(6);
        AtFieldReader.SplitRanges(line.AsSpan(start), start, MqttPub.Fields, fields, out var error, out _);
        if (error is not null || fields.Count != MqttPub.Fields) return;
        var message = fields[^1];
        if (message.Quoting != Quoting.Straight || message.ValueStart + message.ValueLength != line.Length - 1) return;
        // The manual's form only: a publish without message_len takes its message from an earlier comma.
        if (((MqttPub)reading.Value!).Message != line[message.ValueStart..^1]) return;
        _publishes[_next] = (line[..message.ValueStart], reading);
        _next = (_next + 1) % Heads;
    }
}
