using Conformance.Analyzer.Timeline;
using Conformance.Analyzer.Tests.Readers;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline.Rules;
using Conformance.Protocol.Responses;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

public class RegistrationRuleTests
{
    [Test]
    public void A_denial_is_reported_when_the_state_turns_to_it_and_not_while_it_stays()
    {
        var log = Log();
        var rule = new RegistrationRule(log, new Radio());

        rule.Reported("+CEREG: 2", "+CEREG: 2", At);
        rule.Reported("+CEREG: 3", "+CEREG: 3", At);
        rule.Read(new Registration(0, 3), "+CEREG: 0,3", At);
        rule.Reported("+CEREG:1,\"1A2B\",\"0C3D4E5F\",9", "+CEREG:1,\"1A2B\",\"0C3D4E5F\",9", At);
        rule.Read(new Registration(1, 3), "+CEREG: 1,3", At);

        Assert.That(log.Messages(), Is.EqualTo(new[]
        {
            "+CEREG: 3: the network denied the registration (3GPP TS 27.007 stat 3); nothing reaches the server until the module registers",
            "+CEREG: 1,3: the network denied the registration (3GPP TS 27.007 stat 3); nothing reaches the server until the module registers",
        }));
    }

    [Test]
    public void A_ticket_whose_module_was_denied_says_so_before_the_failed_open()
    {
        var analysis = TempLog.Analyze("""
            The device never connects. Below what we see on the debug UART after power on:

            AT+CFUN=1
            OK
            AT+CGATT=1
            OK
            +CEREG: 3
            AT+CEREG?
            +CEREG: 0,3
            OK
            AT+MQTTOPEN=1,1,0,0,0,"",""
            +CME ERROR: 602
            """ + "\n", LogFormat.Raw);

        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (7L, "registration-denied"), (12L, "cme-error") }));
    }
}
