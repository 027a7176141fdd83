using Conformance.Protocol.Codes;
using Conformance.Protocol.Families;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Commands;

/// <summary>
/// Reads a host command line back into a typed <see cref="AtCommand"/>, leniently (spec §3, §7): every way the
/// line differs from the manual's canonical form is a <see cref="Deviation"/>; broken arguments fail with a position.
/// </summary>
public static class AtCommandParser
{
    /// <summary>What a command accepts: <c>AT+X</c>, <c>AT+X?</c> and <c>AT+X=…</c> (split into at most MaxFields).</summary>
    private sealed record Forms(
        AtCommand? Action = null, AtCommand? Read = null, Func<ArgumentList, AtCommand>? Set = null, int MaxFields = int.MaxValue);

    private static readonly Dictionary<string, Forms> Catalog = new(StringComparer.Ordinal)
    {
        [""] = new(Action: new Attention()),
        ["+CSQ"] = new(Action: new SignalQualityRead()),
        ["+CEREG"] = new(Read: new RegistrationRead()),
        ["+CGATT"] = new(Read: new AttachRead()),
        ["+CGSN"] = new(Set: ImeiRead.Parse),
        ["+CGMR"] = new(Action: new RevisionRead()),
        ["I"] = new(Action: new IdentificationRead()),
        ["+MQTTCFG"] = new(Read: new MqttCfgRead(), Set: MqttCfg.Parse),
        // The last argument of OPEN and PUB is free text: commas in it are content.
        ["+MQTTOPEN"] = new(Set: MqttOpen.Parse, MaxFields: 7),
        ["+MQTTSTAT"] = new(Read: new MqttStatRead()),
        ["+MQTTSUB"] = new(Read: new MqttSubRead(), Set: MqttSub.Parse),
        ["+MQTTPUB"] = new(Set: MqttPub.Parse, MaxFields: MqttPub.Fields),
        ["+MQTTUNSUB"] = new(Set: MqttUnsub.Parse),
        ["+MQTTDISC"] = new(Action: new MqttDisc()),
        ["+MQTTDEL"] = new(Action: new MqttDel()),
        ["+MQTTTO"] = new(Set: MqttTo.Parse),
        ["+MQTTPING"] = new(Set: MqttPing.Parse),
    };

    /// <summary>Parses one command line, with or without its CR/LF terminator.</summary>
    public static ParseResult<AtCommand> Parse(string line)
    {
        if (CommandLine.Parse(line) is not { } syntax)
            return ParseResult<AtCommand>.Fail("a command line must start with AT", 0);
        var deviations = new List<Deviation>();
        if (!syntax.Text.StartsWith("AT", StringComparison.Ordinal))
            deviations.Add(Deviation.Of(CodeList.LowercaseAt, "the AT prefix is not upper case"));
        if (syntax.Text.Length > 2 + syntax.WrittenName.Length && syntax.Text[2 + syntax.WrittenName.Length] is ' ' or '\t' && syntax.Form != CommandForm.Exec)
            deviations.Add(Deviation.Of(CodeList.SpaceAroundArgument, $"spaces between {syntax.WrittenName} and its {(syntax.Form == CommandForm.Read ? "?" : "=")}"));
        try
        {
            var command = Bind(syntax, deviations);
            return ParseResult<AtCommand>.Ok(
                command, command is UnknownCommand ? [] : InSection(deviations, command.Section));
        }
        catch (ParseFailure failure)
        {
            return ParseResult<AtCommand>.Fail(failure.Message, failure.Position);
        }
    }

    // A helper, not a lambda in Parse: a closure over the command would be allocated for every line, deviations or not.
    private static Deviation[] InSection(List<Deviation> deviations, string section) =>
        deviations.Count == 0 ? [] : [.. deviations.Select(d => d with { Section = section })];

    /// <summary>The typed command for the line's syntax; another vendor's command is named by its family, not parsed.</summary>
    private static AtCommand Bind(CommandLine syntax, List<Deviation> deviations)
    {
        if (ModuleFamilies.Of(syntax) is { } family) return new UnknownCommand(syntax.Text) { Family = family };
        if (syntax.Name == "E") return (AtCommand?)ParseEcho(syntax, deviations) ?? new UnknownCommand(syntax.Text);
        if (!Catalog.TryGetValue(syntax.Name, out var forms)) return new UnknownCommand(syntax.Text);
        var command = syntax.Form switch
        {
            // Test commands (AT+X=?) are not in the manual.
            CommandForm.Test => null,
            CommandForm.Set => forms.Set?.Invoke(ArgumentList.Of(syntax, forms.MaxFields, deviations)),
            CommandForm.Read => Trailing(syntax, forms.Read, deviations),
            _ => Trailing(syntax, forms.Action, deviations),
        };
        if (command is null) return new UnknownCommand(syntax.Text);
        if (syntax.WrittenName != syntax.Name)
            deviations.Add(Deviation.Of(CodeList.LowercaseCommand, $"the command name {syntax.WrittenName} is not upper case"));
        return command;
    }

    /// <summary><c>ATE0</c>, <c>ATE1</c>; a bare <c>ATE</c> means 0 as in V.250.</summary>
    private static EchoMode? ParseEcho(CommandLine syntax, List<Deviation> deviations)
    {
        if (syntax.Form != CommandForm.Exec) return null;
        var value = syntax.Arguments.TrimEnd(' ');
        if (!value.All(char.IsAsciiDigit)) return null;
        if (syntax.WrittenName != syntax.Name) deviations.Add(Deviation.Of(CodeList.LowercaseCommand, "the command name e is not upper case"));
        if (value.Length < syntax.Arguments.Length) deviations.Add(Deviation.Of(CodeList.SpaceAroundArgument, "spaces follow the command"));
        switch (value)
        {
            case "":
                deviations.Add(Deviation.Of(CodeList.MissingValue, "ATE without a value; write ATE0 or ATE1"));
                return new EchoMode(false);
            case "0" or "1":
                return new EchoMode(value == "1");
            default:
                throw ParseFailure.Argument("echo", $"must be 0 or 1 (got {value})", syntax.ArgumentsStart);
        }
    }

    /// <summary>The command when only spaces follow it; anything else (<c>ATX</c>) is a command outside the catalog.</summary>
    private static AtCommand? Trailing(CommandLine syntax, AtCommand? command, List<Deviation> deviations)
    {
        if (command is null || syntax.Arguments.TrimStart(' ').Length > 0) return null;
        if (syntax.Arguments.Length > 0) deviations.Add(Deviation.Of(CodeList.SpaceAroundArgument, "spaces follow the command"));
        return command;
    }
}
