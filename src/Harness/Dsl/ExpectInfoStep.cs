using Conformance.Protocol.Responses;

namespace Conformance.Harness.Dsl;

/// <summary>Checks that the last command was answered by an information line of type <typeparamref name="T"/> meeting a condition.</summary>
public sealed class ExpectInfoStep<T>(Func<T, bool> condition, string conditionText) : Step where T : InformationResponse
{
    public override string Description => $"expect {typeof(T).Name} where {conditionText}";

    internal override Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        var reply = context.LastReply ?? throw new InvalidOperationException("expect information only after Send");
        var typed = reply.Information.Where(l => l.Parsed.Value is T).ToList();
        if (typed.Exists(l => condition((T)l.Parsed.Value!))) return Task.CompletedTask;
        var got = reply.Information.Count == 0
            ? "no information line"
            : string.Join("; ", reply.Information.Select(l => $"'{l.Text}' (trace line {l.TraceLine}){(l.Parsed.Error is { } e ? ": " + e : "")}"));
        throw new StepFailedException($"{reply.Command.FormatRedacted()}: expected {typeof(T).Name} where {conditionText}; got {got}");
    }
}
