using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// A long hex <c>AT+MQTTPUB</c> pasted into a mail or a ticket comes back wrapped at the editor's width: its rest on
/// the next lines, unmarked or under the same mark. It is one command with its whole message.
/// </summary>
public class WrappedPublishTests
{
    // `{"temp":21.5,"hum":40}` as a $dp type-3 message: 03, length 00 16, then the JSON; 25 bytes, 50 hex digits.
    private const string Hex = "0300167B2274656D70223A32312E352C2268756D223A34307D";

    [TestCase("=> AT+MQTTPUB=\"$dp\",1,0,0,25,0300167B2274656D70223A\n32312E352C2268756D223A34307D\n<= OK\n<= +MQTTPUBACK: 9,1\n")]
    [TestCase("=> AT+MQTTPUB=\"$dp\",1,0,0,25,0300167B227465\n=> 6D70223A32312E352C2268\n=> 756D223A34307D\n<= OK\n<= +MQTTPUBACK: 9,1\n")]
    [TestCase("TX: AT+MQTTPUB=\"$dp\",1,0,0,25,\"0300167B2274656D70223A32312E352C\n2268756D223A34307D\"\nRX: OK\nRX: +MQTTPUBACK: 9,1\n")]
    public void The_lines_of_a_wrapped_message_are_its_command(string log)
    {
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command.Replace("\"", ""), e.Final)), Is.EqualTo(new (string, string?)[] { ($"AT+MQTTPUB=$dp,1,0,0,25,{Hex}", "OK") }));
        Assert.That(analysis.Urcs.Single().CommandLine, Is.EqualTo(1));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_hex_line_after_a_whole_publish_is_no_part_of_it()
    {
        var (_, records) = TempLog.Read($"=> AT+MQTTPUB=\"$dp\",1,0,0,25,{Hex}\n<= OK\n<= 4F4B\n");

        Assert.That(Traffic.Lines(records), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, $"AT+MQTTPUB=\"$dp\",1,0,0,25,{Hex}"), (LogDirection.FromModule, "OK"), (LogDirection.FromModule, "4F4B"),
        }));
    }
}
