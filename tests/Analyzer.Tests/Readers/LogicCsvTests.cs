using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>A logic analyzer's serial decoder exported as CSV, a byte a row (hand-written as Saleae Logic writes it).</summary>
public class LogicCsvTests
{
    private static string Rows(string name, string text, double start, Func<char, string> value) =>
        string.Concat(text.Select((c, i) => $"{name},data,{start + i * 0.000868:0.000000000},8.68e-05,{value(c)}\n"));

    private static string Character(char c) => c switch { '\r' => "\\r", '\n' => "\\n", ' ' => "' '", ',' => "\",\"", _ => c.ToString() };

    [Test]
    public void Two_decoders_give_the_hosts_and_the_modules_lines_with_their_times()
    {
        var log = "name,type,start_time,duration,\"data\"\n" + Rows("TX", "AT+CSQ\r\n", 0.1, Character) + Rows("RX", "\r\n+CSQ: 21,99\r\n\r\nOK\r\n", 0.15, Character);

        var (source, records) = TempLog.Read(log);
        var analysis = TempLog.Analyze(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.LogicCsv));
        Assert.That(Traffic.Lines(records), Is.EqualTo(new[] { (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 21,99"), (LogDirection.FromModule, "OK") }));
        // From the command's last byte (0.106 s) to the OK's line end (0.167 s).
        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[] { ("AT+CSQ", "OK", 61) }));
    }

    [Test]
    public void Logic_1_gives_each_byte_as_its_code()
    {
        var rows = "AT+CGATT?\r\n\r\n+CGATT: 1\r\n\r\nOK\r\n".Select((c, i) => $"{0.2 + i * 0.000868:0.000000000},0x{(int)c:X2},,");
        var (source, records) = TempLog.Read("Time [s],Value,Parity Error,Framing Error\r\n" + string.Join("\r\n", rows) + "\r\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.LogicCsv));
        Assert.That(Traffic.Lines(records), Is.EqualTo(new[] { (LogDirection.ToModule, "AT+CGATT?"), (LogDirection.FromModule, "+CGATT: 1"), (LogDirection.FromModule, "OK") }));
    }
}
