using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>
/// A firmware that sends a URC of the manual in a form of its own: the line is reported unreadable, and it still came,
/// so the wait it ends is not also reported as never met (a PuTTY log written by hand, with a mutant's one-field acks).
/// </summary>
public class UnreadableUrcTests
{
    private const string Log =
        "AT+MQTTPUB=\"dev9/up\",2,0,0,0,\"x\"\r\r\n\r\nOK\r\n\r\n+MQTTPUBREC: 8\r\n\r\n+MQTTPUBCOMP: 8\r\n" +
        "AT+MQTTSUB=\"dev9/cmd\",1\r\r\n\r\nOK\r\n\r\n+MQTTSUBACK: 9\r\n";

    [Test]
    public void An_outcome_in_a_form_that_cannot_be_read_is_unreadable_but_not_missing()
    {
        var analysis = TempLog.Analyze(Log, LogFormat.Raw);

        Assert.That(analysis.Diagnostics.Select(d => (d.Line, d.Code)), Is.EquivalentTo(new[]
        {
            (6L, "unreadable-line"), (8L, "unreadable-line"), (14L, "unreadable-line"),
        }), string.Join("\n", analysis.Diagnostics.Select(d => d.Message)));
        // The PUBREC's packet id could not be read, so no PUBCOMP is awaited after it: the PUBCOMP answers nothing known.
        Assert.That(analysis.Urcs.Select(u => (u.Name, u.CommandLine)), Is.EqualTo(new (string, long?)[]
        {
            ("+MQTTPUBREC", 1), ("+MQTTPUBCOMP", null), ("+MQTTSUBACK", 9),
        }));
    }

    [Test]
    public void A_handshake_step_whose_packet_id_cannot_be_read_ends_the_oldest_step_awaited()
    {
        var text = "AT+MQTTPUB=\"dev9/up\",2,0,0,0,\"x\"\r\n\r\nOK\r\n\r\n+MQTTPUBREC: 0,8\r\n\r\n+MQTTPUBCOMP: 8\r\n";
        var analysis = TempLog.Analyze(text, LogFormat.Raw);

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "unreadable-line" }),
            string.Join("\n", analysis.Diagnostics.Select(d => d.Message)));
        var rec = analysis.Urcs.Single(u => u.Name == "+MQTTPUBREC");
        Assert.That(analysis.Urcs.Single(u => u.Name == "+MQTTPUBCOMP").CommandLine, Is.EqualTo(rec.Line));
    }
}
