using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>A firmware that pads its result codes (`OK `, `OK\t`): each still ends its command, and the padding is noted once.</summary>
public class TrailingSpaceTests
{
    [Test]
    public void Padded_final_results_end_their_commands()
    {
        var text = "AT+MQTTPUB=\"a/b\",1,0,0,0,\"x\"\r\n\r\nOK \r\n\r\n+MQTTPUBACK: 9,1\r\nAT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\t\r\n";
        var analysis = TempLog.Analyze(text, LogFormat.Raw);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final?.TrimEnd())), Is.EqualTo(new[] { ("AT+MQTTPUB=\"a/b\",1,0,0,0,\"x\"", "OK"), ("AT+CSQ", "OK") }));
        Assert.That(analysis.Diagnostics.Select(d => d.Message), Is.EqualTo(new[]
        {
            "trailing-space: spaces after 'OK'; the manual's line ends at its last character; reported once",
        }));
    }
}
