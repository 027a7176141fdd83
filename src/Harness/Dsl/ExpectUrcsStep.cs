using Conformance.Harness.Session;
using Conformance.Protocol.Responses;

namespace Conformance.Harness.Dsl;

/// <summary>
/// Waits for URC sequences: each in its own order, the sequences interleaved freely, all within one deadline.
/// A URC that fits no sequence's next pattern is left for later steps (and reported if nobody takes it).
/// </summary>
public sealed class ExpectUrcsStep(IReadOnlyList<UrcSequence> sequences, TimeSpan within) : Step
{
    public override string Description => $"expect {string.Join(" and ", sequences)} within {within.TotalSeconds:0.###} s";

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        var next = new int[sequences.Count];
        var time = context.Session.Time;
        var deadline = time.GetUtcNow() + within;
        while (Waiting(next) is { Count: > 0 } waiting)
        {
            var left = deadline - time.GetUtcNow();
            var urc = left <= TimeSpan.Zero ? null
                : await context.Session.WaitForUrcAsync(u => FirstFitting(u, next) >= 0 || IsRefusal(u, waiting), left, cancel);
            if (urc is null) throw new StepFailedException(Missing(context, waiting));
            if (FirstFitting(urc, next) < 0)
            {
                context.AddDeviations(urc);
                throw new StepFailedException($"expected {string.Join(" and ", waiting)} within {within.TotalSeconds:0.###} s; got '{urc.Text}' (trace line {urc.TraceLine})");
            }
            var s = FirstFitting(urc, next);
            sequences[s].Patterns[next[s]].Capture(urc.Value!);
            next[s]++;
            context.AddDeviations(urc);
        }
    }

    // +MQTTOPEN: FAIL answers the OPEN as surely as OK would: no need to wait out the deadline for an OK.
    private static bool IsRefusal(ReceivedUrc urc, List<UrcPattern> waiting) =>
        urc.Value is MqttOpenResult { Ok: false } && waiting.Any(p => p.UrcType == typeof(MqttOpenResult));

    private List<UrcPattern> Waiting(int[] next) =>
        [.. sequences.Select((s, i) => next[i] < s.Patterns.Count ? s.Patterns[next[i]] : null).OfType<UrcPattern>()];

    private int FirstFitting(ReceivedUrc urc, int[] next)
    {
        if (urc.Value is null) return -1;
        for (var s = 0; s < sequences.Count; s++)
            if (next[s] < sequences[s].Patterns.Count && sequences[s].Patterns[next[s]].Matches(urc.Value)) return s;
        return -1;
    }

    private string Missing(ScenarioContext context, List<UrcPattern> waiting)
    {
        var others = context.Session.Unclaimed();
        var got = others.Count == 0 ? "no other URC" : "only " + string.Join(", ", others);
        var after = context.LastReply is { } reply ? $" after {reply.Command.FormatRedacted()} (trace line {reply.TraceLine})" : "";
        return $"expected {string.Join(" and ", waiting)} within {within.TotalSeconds:0.###} s{after}; got {got}";
    }
}
