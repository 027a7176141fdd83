using System.IO.Compression;
using System.Text;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>A log sent zipped: read where it lies in the archive, named <c>ARCHIVE!/MEMBER</c> or alone in it.</summary>
public class ZipLogTests
{
    private const string Session =
        "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n\r\nOK\r\n\r\n+MQTTOPEN: OK\r\nAT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n";

    private static string Zip(TempLog log, string name, params (string Name, byte[] Bytes)[] members)
    {
        var path = Path.Combine(log.Directory, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (member, bytes) in members)
        {
            using var entry = zip.CreateEntry(member).Open();
            entry.Write(bytes);
        }
        return path;
    }

    private static byte[] Gzip(string text)
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return packed.ToArray();
    }

    [Test]
    public void An_archive_of_one_log_is_that_log_and_a_member_of_several_is_named()
    {
        using var log = new TempLog();
        var one = Zip(log, "upload.zip", ("logs/", []), ("logs/modem.log", Encoding.UTF8.GetBytes(Session)), ("__MACOSX/logs/._modem.log", [0, 5, 22, 7]));
        var several = Zip(log, "bundle.zip", ("a.log", Encoding.UTF8.GetBytes("AT\r\n\r\nOK\r\n")), ("b.log.gz", Gzip(Session)));

        var alone = TimelineBuilder.Analyze(LogSource.Open(one));
        var named = LogSource.Open(several + "!/b.log.gz");

        Assert.That(alone.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[] { ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK"), ("AT+CSQ", "OK") }));
        Assert.That(alone.Urcs.Select(u => u.Name), Is.EqualTo(new[] { "+MQTTOPEN" }));
        Assert.That(TimelineBuilder.Analyze(named).Summary.Commands, Is.EqualTo(2), "a gzip file in the archive is unpacked too");
        Assert.That(named.Storage, Does.Contain("b.log.gz in the zip, gzip"));
    }

    [Test]
    public void An_archive_of_several_logs_a_missing_member_and_a_damaged_archive_say_what_to_do()
    {
        using var log = new TempLog();
        var several = Zip(log, "bundle.zip", ("a.log", Encoding.UTF8.GetBytes(Session)), ("b.log", Encoding.UTF8.GetBytes(Session)));
        var damaged = log.Write("cut.zip", [.. "PK\u0003\u0004"u8, .. "cut off"u8]);

        Assert.That(() => LogSource.Open(several), Throws.TypeOf<LogReadException>().With.Message.Contains("is a zip archive of 2 files (a.log, b.log): name one").And.Message.Contains("bundle.zip!/a.log"));
        Assert.That(() => LogSource.Open(several + "!/c.log"), Throws.TypeOf<LogReadException>().With.Message.EqualTo($"{several}!/c.log: no such file in bundle.zip"));
        Assert.That(() => LogSource.Open(damaged), Throws.TypeOf<LogReadException>().With.Message.StartsWith($"{damaged}: is not a readable zip archive"));

        // A zip named otherwise is opened only by the reader (a FIFO, /dev/stdin are read once), which names what it holds.
        var renamed = Path.Combine(log.Directory, "upload.log");
        File.Copy(several, renamed);
        Assert.That(() => LogSource.Open(renamed), Throws.TypeOf<LogReadException>().With.Message.Contains("is a zip archive of 2 files (a.log, b.log)"));
    }
}
