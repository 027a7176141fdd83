using Conformance.Protocol.Catalog;
using Conformance.Protocol.Responses;

namespace Conformance.Harness.Dsl;

/// <summary>
/// Checks that the last command was answered by an information line of type <typeparamref name="T"/> meeting a
/// condition, and by one such line where the manual answers with one (every command but <c>AT+MQTTSUB?</c>): a
/// firmware that repeats its answer leaves a host that reads the reply line by line with two answers.
/// </summary>
public sealed class ExpectInfoStep<T>(Func<T, bool> condition, string conditionText) : Step where T : InformationResponse
{
    public override string Description => $"expect {typeof(T).Name} where {conditionText}";

    internal override Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        var reply = context.LastReply ?? throw new InvalidOperationException("expect information only after Send");
        var typed = reply.Information.Where(l => l.Parsed.Value is T).ToList();
        var met = typed.Exists(l => condition((T)l.Parsed.Value!));
        var oneLine = ProtocolCatalog.Command(reply.Command.Name) is { Lists: false };
        // Only its own kind counts: another line in the reply (a URC the module does not name as such) is no repeat.
        if (met && (!oneLine || typed.Count == 1)) return Task.CompletedTask;
        var got = reply.Information.Count == 0
            ? "no information line"
            : string.Join("; ", reply.Information.Select(l => $"'{l.Text}' (trace line {l.TraceLine}){(l.Parsed.Error is { } e ? ": " + e : "")}"));
        throw new StepFailedException(met
            ? $"{reply.Command.FormatRedacted()}: expected one information line, {typeof(T).Name} where {conditionText}; got {typed.Count} of them: {got}"
            : $"{reply.Command.FormatRedacted()}: expected {typeof(T).Name} where {conditionText}; got {got}");
    }
}
