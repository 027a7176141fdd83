using Conformance.Protocol.Catalog;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Commands;

namespace Conformance.Harness.Dsl;

/// <summary>
/// Brings the module back to "no client instance" whatever the scenario before left behind: the late answer of a
/// command that timed out awaited, then disconnect, delete and the default ACK timeout, any answer accepted, and the URCs that follow (<c>+MQTTDISC: OK</c>, late ACKs) forgotten.
/// On a target with broker control, the broker is restored first. Checks nothing; it only makes scenarios
/// independent of each other.
/// </summary>
public sealed class ResetStep(TimeSpan settle) : Step
{
    /// <summary>The ACK timeout a module starts with, in seconds (manual §1.9, from the catalog).</summary>
    public static readonly int DefaultAckTimeoutSeconds = (int)ProtocolCatalog.DefaultAckTimeout.TotalSeconds;

    public override string Description => $"reset: AT+MQTTDISC, AT+MQTTDEL, AT+MQTTTO={DefaultAckTimeoutSeconds}, forget pending URCs";

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        // A broker fault switched on by the scenario before must not leak into this one.
        if (context.Link is Links.IBrokerControl broker) await broker.RestoreAsync();
        // A command that timed out gets one more command timeout to answer, so its late answer ends it, not the DISC.
        var owed = context.Session.OwedAnswer;
        var unanswered = !await context.Session.WaitForLateAnswerAsync(Timeouts.Command, cancel);
        var disc = await context.Session.SendAsync(Mqtt.Disc(), Timeouts.Command, cancel);
        // A disconnect's URC comes after its OK; give it the time to arrive before deleting.
        if (disc.Final?.Kind == Protocol.Responses.FinalResultKind.Ok)
            await context.Session.WaitForUrcAsync(u => u.TraceLine > disc.TraceLine && u.Text.StartsWith("+MQTTDISC", StringComparison.Ordinal), settle, cancel);
        await context.Session.SendAsync(Mqtt.Del(), Timeouts.Command, cancel);
        // A scenario may have shortened the ACK timeout; the next one starts from the manual's default.
        await context.Session.SendAsync(Mqtt.Timeout(DefaultAckTimeoutSeconds), Timeouts.Command, cancel);
        context.Session.TakeUnclaimed();
        var stray = context.Session.TakeStray();
        // A second final result (OK after +MQTTDISC: OK) is the module's wherever it comes: forgotten here, a firmware
        // whose every second OK falls in a reset would pass. With an answer still owed, it may be that late answer.
        if (!unanswered)
            foreach (var (deviation, line) in stray.Where(s => s.Deviation.Code == CodeList.FinalWithoutCommand.Code))
                context.Findings.Add(Finding.Of(deviation, line));
        // Still unanswered: a module answers in order, so what it sends later for that command would be read as the
        // answer to one of this scenario's. Said, not failed: the scenario that timed out has failed already, and a
        // module that dropped the command never answers it.
        if (unanswered && owed is { } late)
            context.Findings.Add(Finding.Of(CodeList.AnswerOwed, late.Command.Section,
                $"{late.Command.FormatRedacted()} (trace line {late.Line}) was still unanswered {Timeouts.Command.TotalSeconds:0} s after its timeout when this scenario began: an answer it gets later would be taken for a command of this scenario",
                late.Line));
    }
}
