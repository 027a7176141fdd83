using Conformance.Harness.Session;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

namespace Conformance.Harness.Dsl;

/// <summary>
/// Finds which <c>AT+MQTTPING</c> value turns <c>+MQTTPINGRSP</c> reports on and checks the other turns them off
/// (manual §1.10). The manual's text says 0 shows them, the v1.3 guide and drivers use 1 (spec §3.10): either
/// passes, and 1 (against the manual's text) is recorded as a finding.
/// </summary>
/// <param name="window">How long to wait for a report: more than one keep-alive.</param>
public sealed class PingReportsStep(TimeSpan window) : Step
{
    public override string Description => $"find the AT+MQTTPING value that shows +MQTTPINGRSP, within {window.TotalSeconds:0.###} s each";

    internal override async Task RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        int? on = null;
        foreach (var value in new[] { 0, 1 })
        {
            await SendAsync(context, value, cancel);
            // A report from before this value was set says nothing about it.
            if (await context.Session.WaitForUrcAsync(u => IsPingResp(u) && u.TraceLine > context.AnswersAfter, window, cancel) is { } report)
            {
                context.AddDeviations(report);
                // Only the polarity against the manual's text is a deviation: a conforming module passes --strict.
                if (value == 1)
                    context.Findings.Add(Finding.Of(CodeList.PingReportPolarity, Section,
                        "AT+MQTTPING=1 turns +MQTTPINGRSP reports on (as the v1.3 guide and drivers say; the manual's text says 0)", report.TraceLine));
                on = value;
                break;
            }
        }
        if (on is not { } shown)
            throw new StepFailedException($"no +MQTTPINGRSP within {window.TotalSeconds:0.###} s after AT+MQTTPING=0 nor after AT+MQTTPING=1");

        var off = 1 - shown;
        await SendAsync(context, off, cancel);
        // A report already on its way when reports were switched off proves nothing.
        while (await context.Session.WaitForUrcAsync(IsPingResp, TimeSpan.Zero, cancel) is not null) { }
        if (await context.Session.WaitForUrcAsync(u => IsPingResp(u) && u.TraceLine > context.AnswersAfter, window, cancel) is { } stray)
            throw new StepFailedException($"AT+MQTTPING={shown} turned reports on, but AT+MQTTPING={off} did not turn them off: got {stray}");
    }

    private static bool IsPingResp(ReceivedUrc urc) => urc.Value is PingResp;

    private static async Task SendAsync(ScenarioContext context, int value, CancellationToken cancel)
    {
        var reply = context.LastReply = await context.Session.SendAsync(Mqtt.Ping(value), Timeouts.Command, cancel);
        context.AddDeviations(reply);
        if (reply.Final?.Kind != FinalResultKind.Ok)
            throw new StepFailedException($"{reply.Command.Format()}: expected OK; got {reply.Describe()}");
    }
}
