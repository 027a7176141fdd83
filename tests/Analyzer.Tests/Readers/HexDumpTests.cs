using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>Hex dumps of the port as terminals and serial monitors show them (hand-written): read as the bytes they show.</summary>
public class HexDumpTests
{
    private static readonly (LogDirection, string)[] Csq =
        [(LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 21,99"), (LogDirection.FromModule, "OK")];

    [TestCase("00000000  41 54 2B 43 53 51 0D 0A 0D 0A 2B 43 53 51 3A 20  AT+CSQ....+CSQ: \r\n00000010  32 31 2C 39 39 0D 0A 0D 0A 4F 4B 0D 0A           21,99....OK..\r\n", TestName = "CoolTerm's hex view: offset, bytes, characters")]
    [TestCase("41 54 2B 43 53 51 0D 0A 0D 0A 2B 43 53 51 3A 20 32 31 2C 39 39 0D 0A 0D 0A 4F 4B 0D 0A \r\n", TestName = "RealTerm's hex display: the bytes alone")]
    [TestCase("[30/11/2026 10:11:12.100] Written data (COM3)\r\n    41 54 2b 43 53 51 0d 0a                           AT+CSQ..\r\n\r\n[30/11/2026 10:11:12.150] Read data (COM3)\r\n    0d 0a 2b 43 53 51 3a 20 32 31 2c 39 39 0d 0a 0d   ..+CSQ: 21,99...\r\n    0a 4f 4b 0d 0a                                    .OK..\r\n", TestName = "a serial monitor's packets under written and read headers")]
    [TestCase("00000000: 4154 2b43 5351 0d0a 0d0a 2b43 5351 3a20  AT+CSQ....+CSQ: \n00000010: 3231 2c39 390d 0a0d 0a4f 4b0d 0a         21,99....OK..\n", TestName = "xxd: the bytes in groups of two")]
    [TestCase("00000000: 4154 2B43 5351 0D0A  AT+CSQ..\n00000008: 0D0A 2B43 5351 3A20  ..+CSQ: \n00000010: 3231 2C39 390D 0A0D  21,99...\n00000018: 0A4F 4B0D 0A         .OK..\n", TestName = "xxd -u -c8: upper case, eight bytes a row")]
    [TestCase("00000000: 41 54 2b 43 53 51 0d 0a 0d 0a 2b 43 53 51 3a 20  AT+CSQ....+CSQ: \n00000010: 32 31 2c 39 39 0d 0a 0d 0a 4f 4b 0d 0a           21,99....OK..\n", TestName = "xxd -g1: a byte a group")]
    public void A_hex_dump_is_read_as_its_bytes(string log)
    {
        var (source, records) = TempLog.Read(log);
        var analysis = TempLog.Analyze(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.HexDump));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[] { ("AT+CSQ", "OK") }));
    }
}
