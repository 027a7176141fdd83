using Conformance.Protocol.Responses;

namespace Conformance.Harness.Dsl;

/// <summary>Checks the last command's information lines of type <typeparamref name="T"/> as a whole: a list with nothing missing or repeated.</summary>
public sealed class ExpectInfoLinesStep<T>(Func<IReadOnlyList<T>, bool> condition, string conditionText) : Step where T : InformationResponse
{
    public override string Description => $"expect the {typeof(T).Name} lines where {conditionText}";

    internal override Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        var reply = context.LastReply ?? throw new InvalidOperationException("expect information only after Send");
        var typed = reply.Information.Where(l => l.Parsed.Value is T).ToList();
        if (condition([.. typed.Select(l => (T)l.Parsed.Value!)])) return Task.CompletedTask;
        var got = typed.Count == 0 ? "none" : string.Join("; ", typed.Select(l => $"'{l.Text}' (trace line {l.TraceLine})"));
        throw new StepFailedException($"{reply.Command.FormatRedacted()}: expected the {typeof(T).Name} lines where {conditionText}; got {got}");
    }
}
