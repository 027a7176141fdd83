using System.Text;
using Conformance.Fuzz.Tests.Engine;
using Conformance.Fuzz.Tests.Seeds;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Syntax;
using CsCheck;

namespace Conformance.Fuzz.Tests.Targets;

/// <summary>
/// The command syntax layer and the typed command parser, on every line of the input read as UTF-8 and as Latin-1:
/// a result or an error (never both, never an exception), positions inside the line, allocation linear in the line.
/// </summary>
public sealed class CommandParserTarget : FuzzTarget
{
    private static readonly string[] Quotes = ["\"", "”", "“", ""];

    public override string Name => "command-parser";

    public override bool Streams => false;

    public override IReadOnlyList<byte[]> Seeds { get; } = AllBytes(FieldLines.Commands);

    public override Gen<byte[]> Structured { get; } = Inputs.Lines(Gen.Frequency(
        (2, Gen.OneOf(FieldLines.Commands)),
        (3, Gen.Select(
            Gen.OneOf("AT+MQTTCFG", "AT+MQTTOPEN", "AT+MQTTSUB", "AT+MQTTPUB", "AT+MQTTUNSUB", "AT+MQTTTO", "AT+MQTTPING", "ATE", "AT+CSQ", "AT^X", "at+mqttpub", "AT"),
            Gen.OneOf("=", "?", "=?", "", "= "),
            Gen.Select(Gen.OneOf(Quotes), Gen.Frequency((3, Gen.String[Gen.Char["0123456789"], 0, 6]), (3, Gen.String[Gen.Char.AlphaNumeric, 0, 12]),
                (1, Gen.OneOf("$dp", "-1", "4294967296", "03001B7b7d", ",", "\"", "\\\"", ""))), (q, v) => q + v + q).Array[0, 9],
            (name, sign, fields) => name + sign + string.Join(",", fields)))));

    public override int ShortIterations => 600;

    public override void Check(FuzzInput input, Behaviour behaviour)
    {
        var lines = Encoding.UTF8.GetString(input.Data).Split('\r', '\n').Concat(Encoding.Latin1.GetString(input.Data).Split('\r', '\n'));
        foreach (var line in lines.Where(l => l.Length > 0).Take(400))
            // A refused line costs an exception (a few kilobytes with its stack trace), whatever its length.
            Bounds.Allocation("command parsing", line.Length, 1000, 256 * 1024, () => CheckLine(line, behaviour));
    }

    private static void CheckLine(string line, Behaviour behaviour)
    {
        var result = AtCommandParser.Parse(line);
        Assert.That(result.Success, Is.Not.EqualTo(result.Error is not null), $"a result or an error: {line}");
        Assert.That(result.ErrorPosition, Is.InRange(-1, line.Length), $"error position: {line}");
        behaviour.Note(result.Value is { } command ? $"command:{command.GetType().Name}" : $"error:{result.Error}");
        foreach (var deviation in result.Deviations) behaviour.Note($"deviation:{deviation.Code}");

        if (CommandLine.Parse(line) is not { } syntax)
        {
            Assert.That(CommandLine.IsCommand(line), Is.False, $"a line starting with AT always has a syntax: {line}");
            return;
        }
        behaviour.Note($"form:{syntax.Form}");
        Assert.That(syntax.ArgumentsStart, Is.InRange(0, syntax.Text.Length), $"arguments start: {line}");
        _ = syntax.Key + syntax.Arguments;
        foreach (var max in new[] { 1, 2, 6, int.MaxValue })
        {
            var fields = syntax.Split(max, out var error, out var errorPosition);
            Assert.That(fields.Count, Is.LessThanOrEqualTo(max), $"field count: {line}");
            Assert.That(errorPosition, error is null ? Is.EqualTo(-1) : Is.InRange(0, syntax.Text.Length), $"field error position: {line}");
            foreach (var field in fields)
            {
                Assert.That(field.Start, Is.InRange(syntax.ArgumentsStart, syntax.Text.Length), $"field start: {line}");
                Assert.That(field.Value.Length, Is.LessThanOrEqualTo(syntax.Text.Length - field.Start), $"field length: {line}");
            }
            if (error is not null) behaviour.Note($"field-error:{error}");
        }
    }
}
