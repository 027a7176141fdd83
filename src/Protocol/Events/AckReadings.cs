using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Events;

/// <summary>
/// The commonest URCs of a log, the MQTT acks (<c>+MQTTPUBACK: 12,0</c>, <c>+MQTTPUBREC: 0,12</c>), differ from line to
/// line only in their packet id, so a cache of whole lines never hits. Once an ack is parsed, the next ones of the same
/// name and form are read straight from the bytes: the earlier reading with the new packet id, its deviations shared.
/// </summary>
/// <remarks>
/// Only the manual's form is read so (<c>NAME: a,b</c>, one space, digits without leading zeros, a packet id from 1
/// and a DUP flag of 0 or 1), where the parser's reading depends on nothing but the two numbers; anything else is parsed.
/// </remarks>
internal sealed class AckReadings
{
    /// <param name="Reading">The parsed reading of an earlier line.</param>
    /// <param name="IdField">Which of the two numbers is the packet id: 0 for a PUBACK, 1 for the QoS 2 steps.</param>
    /// <param name="Other">The other number of that line (flag or DUP): a line with another value is parsed.</param>
    private readonly record struct Template(Interpretation.Interpretation Reading, int IdField, int Other);

    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);

    /// <summary>The reading of <paramref name="line"/> (a URC named <paramref name="name"/>) from an earlier ack; null when there is none to go by.</summary>
    public Interpretation.Interpretation? Read(ReadOnlySpan<byte> line, string name)
    {
        if (!_templates.TryGetValue(name, out var template) || !TryNumbers(line, name.Length, out var first, out var second)) return null;
        var (id, other) = template.IdField == 0 ? (first, second) : (second, first);
        if (other != template.Other || id is < 1 or > 65535) return null;
        object? value = template.Reading.Value switch
        {
            PubAck ack => ack with { PacketId = id },
            QosTwoAck step => step with { PacketId = id },
            _ => null,
        };
        return value is null ? null : template.Reading with { Value = value };
    }

    /// <summary>Keeps the reading of an ack in the manual's form as the template for the next ones of its name.</summary>
    public void Learn(ReadOnlySpan<byte> line, string name, Interpretation.Interpretation reading)
    {
        if (reading.Error is not null || !TryNumbers(line, name.Length, out var first, out var second)) return;
        Template? template = reading.Value switch
        {
            PubAck ack when ack.PacketId == first && ack.Flag == second && first >= 1 => new Template(reading, 0, second),
            QosTwoAck step when step.Dup == first && step.PacketId == second && first <= 1 && second >= 1 => new Template(reading, 1, first),
            _ => null,
        };
        if (template is { } learnt) _templates[name] = learnt;
    }

    /// <summary>Reads <c>: a,b</c> after the name: one space, two numbers of up to five digits without leading zeros.</summary>
    private static bool TryNumbers(ReadOnlySpan<byte> line, int nameLength, out int first, out int second)
    {
        (first, second) = (0, 0);
        if (line.Length < nameLength + 5 || line[nameLength] != ':' || line[nameLength + 1] != ' ') return false;
        var rest = line[(nameLength + 2)..];
        var comma = rest.IndexOf((byte)',');
        return comma > 0 && TryNumber(rest[..comma], out first) && TryNumber(rest[(comma + 1)..], out second);
    }

    private static bool TryNumber(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        if (digits.Length is 0 or > 5 || (digits[0] == '0' && digits.Length > 1)) return false;
        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + digit - '0';
        }
        return true;
    }
}
