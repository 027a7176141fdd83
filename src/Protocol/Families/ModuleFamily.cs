using Conformance.Protocol.Errors;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Families;

/// <summary>
/// Another vendor's MQTT AT command set, recognised by name so its lines are not read as broken M5310-A ones.
/// A name ending in <c>*</c> stands for every name that starts with it (<c>+QMT*</c>).
/// </summary>
/// <param name="Name">How reports name the family: <c>ESP-AT</c>, <c>Air780</c>, <c>Quectel</c>, <c>SIMCom</c>.</param>
/// <param name="Commands">Command names only this family uses.</param>
/// <param name="Lines">Starts of the module lines (URCs, answers) only this family sends.</param>
/// <param name="Shaped">Names other command sets use too; the family claims them only in its own field shape.</param>
/// <param name="Outcomes">Per command name, the line that later carries its outcome (<c>+QMTOPEN</c> for <c>+QMTOPEN</c>, <c>CONNACK OK</c> for <c>+MCONNECT</c>).</param>
/// <param name="Results">The fields of its lines that say a command failed or the link went down (<c>+QMTCONN: 0,0,4</c>).</param>
/// <param name="Errors">The line that says why a command failed before its <c>ERROR</c> (<c>ERR CODE:0x01090000</c>), if the family has one.</param>
/// <param name="QosFields">Per publish command whose outcome is an acknowledgement, the field of its QoS: a QoS 0 publish gets none (Air780's <c>AT+MPUB</c>, no <c>PUBACK</c>).</param>
/// <param name="Session">The lines and accepted commands that connect or disconnect its MQTT session (<c>+QMTCONN: *,0,0</c>).</param>
public sealed record ModuleFamily(string Name, string[] Commands, string[] Lines, ShapedName[]? Shaped = null, IReadOnlyDictionary<string, string>? Outcomes = null,
    ResultField[]? Results = null, ErrorLine? Errors = null, IReadOnlyDictionary<string, int>? QosFields = null, SessionMark[]? Session = null)
{
    /// <summary>The state the module line <paramref name="line"/> (one this family sends) moves the session to; null when it moves none.</summary>
    public Responses.MqttState? StateAfter(string line)
    {
        foreach (var mark in Session ?? [])
        {
            if (!mark.IsCommand && mark.Marks(line)) return mark.To;
        }
        return null;
    }

    /// <summary>The state <paramref name="commandLine"/> (<c>AT+CMQCON=0,3,…</c>), accepted with OK, moves the session to; null when it moves none.</summary>
    public Responses.MqttState? StateAfterAccepting(string commandLine)
    {
        foreach (var mark in Session ?? [])
        {
            if (mark.MarksAccepted(commandLine)) return mark.To;
        }
        return null;
    }

    /// <summary>
    /// The first failure <paramref name="line"/> (a line this family sends) reports, with what it stops; null when it reports none.
    /// <paramref name="lastCommand"/> is the command line sent last: a line that answers it is no failure.
    /// </summary>
    public (FamilyFailure Kind, string Meaning)? Failure(string line, string? lastCommand = null)
    {
        foreach (var result in Results ?? [])
        {
            if (result.Failure(line, lastCommand) is { } meaning) return (result.Kind, meaning);
        }
        return null;
    }

    /// <summary>
    /// Why a command of this family failed, from its error line among <paramref name="information"/> or from its
    /// <c>+CME ERROR</c> code <paramref name="cmeCode"/>; null when the module said nothing more than <c>ERROR</c>.
    /// A <c>+CME ERROR</c> code is explained only when 3GPP TS 27.007 defines it: the M5310-A's own codes (601, 651…) are not this family's.
    /// </summary>
    public string? ExplainError(int? cmeCode, IReadOnlyList<string> information)
    {
        if (Errors is { } errors)
        {
            foreach (var line in information)
            {
                if (line.StartsWith(errors.Prefix, StringComparison.Ordinal))
                    return $"{line} means {errors.Describe(line[errors.Prefix.Length..]) ?? ResultField.NotListed} ({Name})";
            }
        }
        if (cmeCode is not { } code) return null;
        // 3GPP TS 27.007 reserves the codes below 256 for its own general meanings; the others are each vendor's.
        return code < 256 && CmeErrors.Describe(code) is { Meaning: not CmeErrors.NotInTable } general
            ? $"+CME ERROR: {code} means \"{general.Meaning}\" (3GPP TS 27.007's general meaning; {Name})"
            : $"+CME ERROR: {code} is {ResultField.NotListed} ({Name})";
    }

    /// <summary>The name of the line that carries the outcome of <paramref name="command"/> (<c>+QMTCONN</c>); null when it has none.</summary>
    public string? OutcomeOf(CommandLine command) =>
        QosFields is not null && QosFields.TryGetValue(command.Name, out var field) && command.Split(field + 2, out _, out _) is { } fields
        && fields.Count > field && fields[field].Value == "0" ? null : Outcomes?.GetValueOrDefault(command.Name);

    /// <summary>The lines of this family that are words, not <c>+NAME</c> result codes: <c>CONNACK OK</c>, <c>SUBACK</c>.</summary>
    public IEnumerable<string> Words => Lines.Where(line => !line.StartsWith('+') && !line.EndsWith('*'));

    /// <summary>True when <paramref name="command"/> belongs to this family.</summary>
    public bool Owns(CommandLine command)
    {
        foreach (var known in Commands)
        {
            if (known.EndsWith('*') ? command.Name.AsSpan().StartsWith(known.AsSpan(0, known.Length - 1)) : command.Name == known) return true;
        }
        foreach (var shaped in Shaped ?? [])
        {
            if (shaped.Name == command.Name && shaped.Shape(command)) return true;
        }
        return false;
    }

    /// <summary>True when the module line <paramref name="line"/> belongs to this family.</summary>
    public bool Sends(string line)
    {
        foreach (var start in Lines)
        {
            if (start.EndsWith('*') ? line.AsSpan().StartsWith(start.AsSpan(0, start.Length - 1)) : IsNamed(line, start)) return true;
        }
        return false;
    }

    // A line named exactly so: `SUBACK`, `+MSUB: …`, not `SUBACKED`.
    private static bool IsNamed(string line, string name) =>
        line.StartsWith(name, StringComparison.Ordinal) && (line.Length == name.Length || line[name.Length] is ':' or ' ' or ',');
}
