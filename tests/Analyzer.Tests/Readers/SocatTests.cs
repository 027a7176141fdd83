using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>socat's verbose dump (<c>socat -v</c>) of a serial port relayed to a pseudo-terminal, written here by hand.</summary>
public class SocatTests
{
    private const string Csq =
        "> 2026/11/30 14:02:10.100000  length=7 from=0 to=6\n" +
        "AT+CSQ\\r\n" +
        "< 2026/11/30 14:02:10.130000  length=9 from=0 to=8\n" +
        "\\r\n" +
        "+CSQ: 2\n" +
        "< 2026/11/30 14:02:10.131500  length=12 from=9 to=20\n" +
        "0,99\\r\n" +
        "\\r\n" +
        "OK\\r\n";

    [Test]
    public void Packets_are_read_as_their_bytes_with_the_headers_time()
    {
        var (source, records) = TempLog.Read(Csq);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Socat), () => string.Join(", ", source.Detection.Scores));
        // A packet that ends inside a line runs on into the next one of its side.
        Assert.That(records.Select(r => (r.Direction, r.Text)), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+CSQ\r"), (LogDirection.FromModule, "\r\n"), (LogDirection.FromModule, "+CSQ: 20,99\r\n\r\nOK\r\n"),
        }));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 2L, 5L, 5L }));
        Assert.That(records[1].Time - records[0].Time, Is.EqualTo(TimeSpan.FromMilliseconds(30)));
        Assert.That(records[2].Time - records[0].Time, Is.EqualTo(TimeSpan.FromMilliseconds(31.5)));
    }

    [Test]
    public void The_mark_carrying_the_commands_is_the_hosts_whichever_way_socat_named_the_addresses()
    {
        var reversed = string.Concat(Csq.Split('\n').Select(line => line switch
        {
            ['>', ..] => "<" + line[1..],
            ['<', ..] => ">" + line[1..],
            _ => line,
        } + "\n"))[..^1];

        var analysis = TempLog.Analyze(reversed);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, string.Join("|", e.Information))), Is.EqualTo(new[] { ("AT+CSQ", "OK", "+CSQ: 20,99") }));
        Assert.That(analysis.Exchanges.Single().LatencyMs, Is.EqualTo(31.5).Within(0.5));
    }
}
