using System.Text;
using Conformance.Harness.Session;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

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
            throw new StepFailedException(context.Session.Trace.Secrets.Mask(
                $"{Command.FormatRedacted()} (trace line {reply.TraceLine}): no final result within {Within.TotalSeconds:0.###} s{WhatCame(reply, context.Session)}"));
    }

    // What the module sent instead, so the failure says why nothing ended the command: an outcome URC with no OK before
    // it, or a final result in the wrong case ('ok'), which a host comparing it as the manual writes it never takes.
    private static string WhatCame(CommandReply reply, AtSession session)
    {
        var came = reply.Information.Select(l => (l.Text, l.TraceLine))
            .Concat(session.Unclaimed().Where(u => u.TraceLine > reply.TraceLine).Select(u => (u.Text, u.TraceLine)))
            .OrderBy(l => l.TraceLine).ToList();
        if (came.Count == 0) return "";
        var got = $"; got only {string.Join(", ", came.Take(3).Select(l => $"'{l.Text}' (trace line {l.TraceLine})"))}{(came.Count > 3 ? ", …" : "")}";
        return came.FirstOrDefault(l => FinalResult.IsFinalResult(Encoding.UTF8.GetBytes(l.Text.Trim().ToUpperInvariant()))) is ({ } text, _)
            ? $"{got}; '{text}' is no final result: the manual writes {text.Trim().ToUpperInvariant()} in upper case"
            : got;
    }
}
