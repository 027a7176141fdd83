using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Commands;
using Conformance.Protocol.OneNet;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Syntax;
using System.Globalization;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// The hex message of <c>AT+MQTTPUB</c> (manual §1.5) and the OneNET <c>$dp</c> data points it carries. Owns
/// <c>dp-bad-hex</c>, <c>message-len-mismatch</c> and <c>dp-malformed</c>; decoded data points go to the timeline.
/// </summary>
internal sealed class PayloadRule(DiagnosticLog diagnostics, CappedList<PublishedDataPoints> dataPoints, SecretMasker secrets) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.DpBadHex, DiagnosticCodes.MessageLengthMismatch, DiagnosticCodes.DpMalformed];

    /// <summary>Checks a command line the host sent, as parsed (<paramref name="command"/>, null when it did not parse); true when it reported a fault (the line is then not also unreadable).</summary>
    public bool Sent(string line, AtCommand? command, Stamp at)
    {
        // A publish that parsed as text (message_len 0) has no hex message: nothing to check, no second look at it.
        if (command is MqttPub { IsHex: false }) return false;
        // One that parsed as hex has valid hex of message_len bytes (the parser checked): only its data points are left.
        if (command is MqttPub { Topic: "$dp" } dp) return DataPoints(dp.GetMessageBytes(), at);
        if (command is MqttPub) return false;
        // Most lines are no AT+MQTTPUB: told by their name's letters before any parse.
        if (!line.AsSpan(Math.Min(2, line.Length)).StartsWith("+MQTTPUB", StringComparison.OrdinalIgnoreCase)
            || CommandLine.Parse(line) is not { Name: "+MQTTPUB", Form: CommandForm.Set } syntax) return false;
        var fields = syntax.Split(6, out var error, out _);
        if (error is not null || fields.Count < 6
            || !int.TryParse(fields[4].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length == 0) return false;

        var hex = DpHex.Parse(fields[5].Value.Trim());
        if (hex.Value is not { } bytes)
        {
            diagnostics.Report(DiagnosticCodes.DpBadHex, at.Line, $"the hex message of AT+MQTTPUB (message_len {length}): {hex.Error}");
            return true;
        }
        var reported = false;
        if (bytes.Length != length)
        {
            diagnostics.Report(DiagnosticCodes.MessageLengthMismatch, at.Line, $"message_len is {length}, but the hex message encodes {bytes.Length} bytes (manual §1.5)");
            reported = true;
        }
        if (fields[0].Value != "$dp") return reported;
        return DataPoints(bytes, at) | reported;
    }

    /// <summary>Decodes a <c>$dp</c> message into the timeline's data points; true when it reported it malformed.</summary>
    private bool DataPoints(byte[] bytes, Stamp at)
    {
        var payload = DpDecoder.Decode(bytes);
        if (payload.Value is { } dp)
        {
            dataPoints.Add(new PublishedDataPoints(at.Line, at.Time, dp.Type, [.. dp.DataPoints.Select(Masked)]));
            return false;
        }
        diagnostics.Report(DiagnosticCodes.DpMalformed, at.Line, $"$dp payload: {payload.Error}");
        return true;
    }

    // The hex hides a secret from the line's masking: a datastream named for one (`"token":"…"`) has its value masked
    // here, and learned, so a repeat of it elsewhere is masked too.
    private DataPoint Masked(DataPoint point)
    {
        if (secrets.Shows || !SecretPolicy.NamesSecret(point.DatastreamId)) return point;
        if (point.Value.ToString() is { Length: >= SecretMasker.MinLearned } value) secrets.Add(value);
        return point with { Value = DataValue.Of(SecretPolicy.Mask) };
    }
}
