using Conformance.Protocol.Responses;

namespace Conformance.Harness.Dsl;

/// <summary>Checks the final result of the last command: <c>OK</c>, <c>ERROR</c> or a given <c>+CME ERROR</c>.</summary>
public sealed class ExpectResultStep(string expected, Func<FinalResult, bool> accepts) : Step
{
    public override string Description => $"expect {expected}";

    internal override Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        var reply = context.LastReply ?? throw new InvalidOperationException("expect a result only after Send");
        if (reply.Final is null || !accepts(reply.Final))
            throw new StepFailedException($"{reply.Command.FormatRedacted()}: expected {expected}; got {reply.Describe()}");
        return Task.CompletedTask;
    }
}
