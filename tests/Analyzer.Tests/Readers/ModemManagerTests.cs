using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>ModemManager's debug log as its releases have written it, new and old, written here by hand.</summary>
public class ModemManagerTests
{
    [Test]
    public void Since_1_20_the_level_is_dbg_and_the_port_names_no_modem()
    {
        var (source, records) = TempLog.Read(
            "ModemManager[41257]: <dbg> [1731019451.992274] [wwan0at1/at] device open count is 2 (open)\n" +
            "ModemManager[41257]: <dbg> [1731019451.992302] [wwan0at1/at] --> 'AT+CGEREP=0<CR><LF>'\n" +
            "ModemManager[41257]: <dbg> [1731019451.994238] [wwan0at1/at] <-- '<CR><LF>OK<CR><LF>'\n" +
            "ModemManager[41257]: <msg> [1731019451.994355] [modem0] 3GPP packet service state changed (detached -> unknown)\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.ModemManager));
        Assert.That(Traffic.Lines(records), Is.EqualTo(new[] { (LogDirection.ToModule, "AT+CGEREP=0"), (LogDirection.FromModule, "OK") }));
        Assert.That(records[1].Time - records[0].Time, Is.EqualTo(TimeSpan.FromMicroseconds(1936)));
    }

    [Test]
    public void Before_1_0_lines_have_no_time_and_the_port_in_parentheses()
    {
        var (source, records) = TempLog.Read(
            "<debug> (ttyHS2): --> 'AT+CFUN?<CR>'\n<debug> (ttyHS2): <-- '<CR><LF>+CFUN: 1<CR><LF><CR><LF>OK<CR><LF>'\n" +
            "<debug> No need to change power state: already in 'on' power state\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.ModemManager));
        Assert.That(Traffic.Lines(records), Is.EqualTo(new[] { (LogDirection.ToModule, "AT+CFUN?"), (LogDirection.FromModule, "+CFUN: 1"), (LogDirection.FromModule, "OK") }));
        Assert.That(records.Select(r => r.Time), Is.All.Null);
    }
}
