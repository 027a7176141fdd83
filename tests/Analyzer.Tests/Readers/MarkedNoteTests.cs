using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// A note someone wrote into a transcript behind an arrow (<c>--> after this the module hangs</c>), as people point at
/// what follows: the host sends commands, and data only after the module's prompt, so words behind the host's mark are
/// the writer's, not a command that never got its answer.
/// </summary>
public class MarkedNoteTests
{
    [TestCase("""
        14:00:05.000 TX: AT+MQTTSUB="$creq/#",1
        14:00:05.030 RX: OK
        14:00:05.400 RX: +MQTTSUBACK: 1,1,"$creq/#"
        --> after this the module hangs
        14:00:06.000 TX: AT+MQTTPUB=$dp,1,0,0,10,0300077b2261223a317d
        14:00:06.035 RX: OK
        <-- no PUBACK came
        14:00:30.000 TX: AT+MQTTSTAT?
        14:00:30.031 RX: +MQTTSTAT: 5
        14:00:30.032 RX: OK
        """, TestName = "arrows before notes in a TX/RX transcript")]
    [TestCase("""
        --> AT+MQTTSUB="$creq/#",1
        <-- OK
        <-- +MQTTSUBACK: 1,1,"$creq/#"
        --> 之后模块卡死
        --> AT+MQTTPUB=$dp,1,0,0,10,0300077b2261223a317d
        <-- OK
        --> AT+MQTTSTAT?
        <-- +MQTTSTAT: 5
        <-- OK
        """, TestName = "the host's own arrow before a note in Chinese")]
    public void A_note_behind_the_hosts_mark_is_no_command(string log)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[]
        {
            ("AT+MQTTSUB=\"$creq/#\",1", "OK"), ("AT+MQTTPUB=$dp,1,0,0,10,0300077b2261223a317d", "OK"), ("AT+MQTTSTAT?", "OK"),
        }));
        // The publish's PUBACK never came: that is the log's finding, and no unreadable line or unanswered note is.
        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Conformance.Protocol.Codes.Severity.Note).Select(d => d.Code),
            Is.EqualTo(new[] { "urc-missing" }));
    }

    [Test]
    public void Words_the_host_writes_after_the_prompt_are_its_data()
    {
        var (_, records) = TempLog.Read("=> AT+MQTTPUB=\"t\",1,0,0,0\n<= >\n=> hello world\n<= OK\n=> AT+CSQ\n<= +CSQ: 20,99\n<= OK\n");

        Assert.That(Traffic.Lines(records), Does.Contain((LogDirection.ToModule, "hello world")));
    }
}
