using Conformance.Protocol.Commands;

namespace Conformance.Harness.Dsl;

/// <summary>Sends a command and waits for its final result, whatever it is; the next steps judge it.</summary>
public sealed class SendStep : Step
{
    internal SendStep(AtCommand command, TimeSpan within)
    {
        Command = command;
        Within = within;
        Section = command.Section;
    }

    public AtCommand Command { get; }

    public TimeSpan Within { get; }

    public override string Description => $"send {Command.FormatRedacted()}";

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        context.LastReply = null;
        var reply = await context.Session.SendAsync(Command, Within, cancel);
        context.LastReply = reply;
        context.AddDeviations(reply);
        if (reply.Lost is { } lost)
            throw new StepFailedException($"{Command.FormatRedacted()} (trace line {reply.TraceLine}): no final result: {lost}");
        if (reply.TimedOut)
            throw new StepFailedException($"{Command.FormatRedacted()} (trace line {reply.TraceLine}): no final result within {Within.TotalSeconds:0.###} s");
    }
}
