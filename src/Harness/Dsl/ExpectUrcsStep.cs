using Conformance.Harness.Links;
using Conformance.Harness.Session;
using Conformance.Protocol.Catalog;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Conformance.Harness.Dsl;

/// <summary>
/// Waits for URC sequences: each in its own order, the sequences interleaved freely, all within one deadline.
/// URCs are judged in the order they arrived, whether already buffered or still to come: one that fits a later
/// pattern of a sequence before the earlier pattern arrived fails the step. An outcome that came before its
/// command's final result is taken, with the deviation the event reader gave it (docs/interpretation.md). URCs that arrived before the last command was sent answer
/// something earlier and are never taken; like URCs that fit no pattern, they are left for later steps (and
/// reported if nobody takes them).
/// </summary>
public sealed class ExpectUrcsStep(IReadOnlyList<UrcSequence> sequences, TimeSpan within) : Step
{
    public override string Description => $"expect {string.Join(" and ", sequences)} within {within.TotalSeconds:0.###} s";

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        // Ids captured by an earlier run of this scenario are not this run's.
        foreach (var pattern in sequences.SelectMany(s => s.Patterns)) pattern.ForgetCapture();
        var session = context.Session;
        var buffered = session.Unclaimed().ToHashSet(ReferenceEqualityComparer.Instance);
        var seen = new HashSet<object?>(ReferenceEqualityComparer.Instance);
        var early = new ReceivedUrc?[sequences.Count];
        var next = new int[sequences.Count];
        // On the monotonic clock: a wall clock set back during the wait does not stretch it.
        var start = session.Time.GetTimestamp();
        while (Waiting(next) is { Count: > 0 } waiting)
        {
            var left = within - session.Time.GetElapsedTime(start);
            var urc = await session.PeekUrcAsync(u => !seen.Contains(u), left < TimeSpan.Zero ? TimeSpan.Zero : left, cancel);
            // Out of time: a frame held for bytes that did not come (a msg_len that counts too many) is what the module said.
            if (urc is null && session.FlushHeld()) continue;
            if (urc is null)
            {
                var s = Array.FindIndex(early, e => e is not null);
                throw s >= 0 ? new StepFailedException(OutOfOrder(s, next[s], early[s]!, null, buffered)) : Missing(context, waiting);
            }
            seen.Add(urc);
            if (urc.TraceLine <= context.AnswersAfter) continue;
            if (FirstFitting(urc, next) is var due and >= 0)
            {
                Take(context, urc);
                if (early[due] is { } before) throw new StepFailedException(OutOfOrder(due, next[due], before, urc, buffered));
                sequences[due].Patterns[next[due]].Capture(urc.Value!);
                next[due]++;
                continue;
            }
            if (IsRefusal(urc, waiting) || IsUnreadableAwaited(urc, waiting))
            {
                Take(context, urc);
                var unreadable = urc.Value is null ? $", which cannot be read: {urc.Parsed.Error}" : "";
                throw new StepFailedException($"expected {string.Join(" and ", waiting)} within {within.TotalSeconds:0.###} s; got '{urc.Text}' (trace line {urc.TraceLine}){unreadable}");
            }
            // Fits a pattern not due yet: wait for the one it should have followed, to name both in the failure.
            var ahead = FirstAhead(urc, next);
            if (ahead >= 0 && early[ahead] is null)
            {
                Take(context, urc);
                early[ahead] = urc;
            }
        }
        if (Array.FindIndex(early, e => e is not null) is var broken and >= 0)
            throw new StepFailedException(OutOfOrder(broken, next[broken], early[broken]!, null, buffered));
    }

    private static void Take(ScenarioContext context, ReceivedUrc urc)
    {
        context.Session.Take(urc);
        context.Took(urc);
        context.AddDeviations(urc);
    }

    private string OutOfOrder(int s, int due, ReceivedUrc early, ReceivedUrc? expected, HashSet<object?> buffered)
    {
        var sequence = sequences[s];
        var fits = sequence.Patterns.Skip(due + 1).First(p => p.MayMatch(early.Value!));
        var was = expected is null
            ? $"before any {sequence.Patterns[due]} within {within.TotalSeconds:0.###} s"
            : $"before '{expected.Text}' (trace line {expected.TraceLine}, {Arrival(expected, buffered)})";
        return $"'{early.Text}' (trace line {early.TraceLine}, {Arrival(early, buffered)}) came {was}: " +
               $"expected {sequence.Patterns[due]} before {fits}";
    }

    private static string Arrival(ReceivedUrc urc, HashSet<object?> buffered) =>
        buffered.Contains(urc) ? "already buffered when the step began" : "came while the step waited";

    // +MQTTOPEN: FAIL answers the OPEN as surely as OK would: no need to wait out the deadline for an OK.
    private static bool IsRefusal(ReceivedUrc urc, List<UrcPattern> waiting) =>
        urc.Value is MqttOpenResult { Ok: false } && waiting.Any(p => p.UrcType == typeof(MqttOpenResult));

    // A line of an awaited URC's name in a form that cannot be read (+MQTTOPEN: 0) is the module's answer: the form
    // waited for will not come, so the step fails now, quoting why the line cannot be read.
    private static bool IsUnreadableAwaited(ReceivedUrc urc, List<UrcPattern> waiting) =>
        urc.Value is null && !urc.IsRestart && waiting.Any(p => p.UrcType is { } type && ProtocolCatalog.Urc(type).Spellings.Any(name =>
            urc.Text.StartsWith(name, StringComparison.Ordinal) && urc.Text.AsSpan(name.Length).TrimStart(' ') is [':', ..]));

    private List<UrcPattern> Waiting(int[] next) =>
        [.. sequences.Select((s, i) => next[i] < s.Patterns.Count ? s.Patterns[next[i]] : null).OfType<UrcPattern>()];

    private int FirstFitting(ReceivedUrc urc, int[] next)
    {
        if (urc.Value is null) return -1;
        for (var s = 0; s < sequences.Count; s++)
            if (next[s] < sequences[s].Patterns.Count && sequences[s].Patterns[next[s]].Matches(urc.Value)) return s;
        return -1;
    }

    private int FirstAhead(ReceivedUrc urc, int[] next)
    {
        if (urc.Value is null) return -1;
        for (var s = 0; s < sequences.Count; s++)
            if (sequences[s].Patterns.Skip(next[s] + 1).Any(p => p.MayMatch(urc.Value))) return s;
        return -1;
    }

    private StepFailedException Missing(ScenarioContext context, List<UrcPattern> waiting)
    {
        var others = context.Session.Unclaimed();
        var got = others.Count == 0 ? "no other URC" : "only " + string.Join(", ", others);
        var after = context.LastReply is { } reply ? $" after {reply.Command.FormatRedacted()} (trace line {reply.TraceLine})" : "";
        var message = $"expected {string.Join(" and ", waiting)} within {within.TotalSeconds:0.###} s{after}; got {got}";
        if (context.LastReply is not { Final.Kind: FinalResultKind.Ok } accepted || OwedOutcome(accepted, waiting) is not { } owed)
            return new StepFailedException(message);
        // An outcome the command owes breaks the command's section, whichever section the step checks.
        return new StepFailedException($"{message}: the {owed.Name} that answers a {owed.Answers} the module accepted never came{OnTheWire(context, accepted)}",
            accepted.Command.Section);
    }

    // The outcome of the accepted command that is among the URCs still awaited; null when none is.
    private static UrcEntry? OwedOutcome(CommandReply accepted, List<UrcPattern> waiting)
    {
        var outcome = ProtocolCatalog.OutcomeOf(accepted.Command.Format(), accepted.Command is MqttPub pub ? pub.Qos : 0);
        return outcome is not null && waiting.Any(p => p.UrcType is { } type && ProtocolCatalog.Urc(type) == outcome) ? outcome : null;
    }

    // Why no acknowledgement could come, where the wire shows it: a PUBLISH that is not what AT+MQTTPUB asked (sent at
    // QoS 0, the broker has nothing to acknowledge). Empty on a target that does not show its packets, or when it is.
    private static string OnTheWire(ScenarioContext context, CommandReply accepted)
    {
        if (accepted.Command is not MqttPub asked || context.Link is not IPlatformView platform
            || platform.PacketsSent()?.Skip(context.WireStart).OfType<MqttPublishPacket>().LastOrDefault() is not { } sent
            || ExpectWirePublishStep.Differences(asked, sent) is not { Count: > 0 } wrong)
            return "";
        var unanswered = sent.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce ? ", which no broker acknowledges" : "";
        return $"; the module's PUBLISH on the wire is not what the command asked: {string.Join(", ", wrong)}{unanswered}; it sent {WirePacketText.Of(sent)}";
    }
}
