using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Logs sent as a tar archive, plain or gzipped (<c>tar czf logs.tgz …</c>): read where they lie, named
/// <c>ARCHIVE!/MEMBER</c> or alone in it, whatever tar wrote (GNU, POSIX or PAX headers, <c>./</c> names, long names).
/// </summary>
public class TarLogTests
{
    private const string Session =
        "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n\r\nOK\r\n\r\n+MQTTOPEN: OK\r\nAT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n";

    private const string Ping = "AT\r\n\r\nOK\r\n";

    private static readonly string LongFolder = "gateway-with-a-long-name-" + new string('x', 90) + "/";

    private static string Tar(TempLog log, string name, TarEntryFormat format, bool gzip, params (string Name, string? Text)[] members)
    {
        var path = Path.Combine(log.Directory, name);
        using var file = File.Create(path);
        using var packed = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;
        using var tar = new TarWriter(packed, format);
        foreach (var (member, text) in members)
        {
            var directory = text is null;
            TarEntry entry = format switch
            {
                TarEntryFormat.Gnu => new GnuTarEntry(directory ? TarEntryType.Directory : TarEntryType.RegularFile, member),
                TarEntryFormat.Ustar => new UstarTarEntry(directory ? TarEntryType.Directory : TarEntryType.RegularFile, member),
                _ => new PaxTarEntry(directory ? TarEntryType.Directory : TarEntryType.RegularFile, member),
            };
            if (!directory) entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text!));
            tar.WriteEntry(entry);
        }
        return path;
    }

    [TestCase(TarEntryFormat.Gnu, false, "logs.tar")]
    [TestCase(TarEntryFormat.Pax, true, "logs.tar.gz")]
    [TestCase(TarEntryFormat.Ustar, true, "logs.tgz")]
    public void Each_file_in_the_archive_is_a_log_named_by_its_path_in_it(TarEntryFormat format, bool gzip, string name)
    {
        using var log = new TempLog();
        var archive = Tar(log, name, format, gzip,
            ("./", null), ("./gw1/", null), ("./gw1/modem.log", Session), ("./gw1/._modem.log", "\0\u0005\u0016\u0007"),
            (format == TarEntryFormat.Ustar ? "gw2/at.log" : LongFolder + "at.log", Ping + Ping));

        var logs = ArchiveMembers.Logs(archive);
        var modem = LogSource.Open(archive + "!/gw1/modem.log");

        var second = format == TarEntryFormat.Ustar ? "gw2/at.log" : LongFolder + "at.log";
        Assert.That(logs, Is.EqualTo(new[] { archive + "!/gw1/modem.log", archive + "!/" + second }), "folders and a Mac's ._ copies are no logs; ./ is no part of a name");
        Assert.That(TimelineBuilder.Analyze(modem).Exchanges.Select(e => (e.Command, e.Final)),
            Is.EqualTo(new (string, string?)[] { ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK"), ("AT+CSQ", "OK") }));
        Assert.That(modem.Storage, Does.Contain("gw1/modem.log in the tar"));
        Assert.That(TimelineBuilder.Analyze(LogSource.Open(logs[1])).Summary.Commands, Is.EqualTo(2), "the member's bytes end where the next header begins");
    }

    [Test]
    public void An_archive_of_one_log_is_that_log_and_one_of_several_says_how_to_read_them()
    {
        using var log = new TempLog();
        var one = Tar(log, "upload.tgz", TarEntryFormat.Pax, true, ("modem.log", Session));
        var several = Tar(log, "bundle.tar", TarEntryFormat.Gnu, false, ("a.log", Ping), ("b.log", Session));
        var renamed = Path.Combine(log.Directory, "bundle.dat");
        File.Copy(several, renamed);

        Assert.That(TimelineBuilder.Analyze(LogSource.Open(LogFiles.Of([one]))).Summary.Commands, Is.EqualTo(2));
        Assert.That(() => LogSource.Open(LogFiles.Of([several])), Throws.TypeOf<LogReadException>()
            .With.Message.Contains("is a tar archive of 2 files (a.log, b.log): name one").And.Message.Contains("bundle.tar!/a.log"));
        Assert.That(() => LogSource.Open(several + "!/c.log"), Throws.TypeOf<LogReadException>().With.Message.EqualTo($"{several}!/c.log: no such file in bundle.tar"));
        // A tar named otherwise is opened only by the reader (a FIFO is read once), which names what it holds.
        Assert.That(() => LogSource.Open(renamed), Throws.TypeOf<LogReadException>().With.Message.Contains("is a tar archive of 2 files"));
    }

    [Test]
    public void A_file_added_again_is_read_as_last_added_and_a_cut_archive_is_refused_naming_it()
    {
        using var log = new TempLog();
        // tar -r appends a newer copy of a file: extracting keeps the last one.
        var appended = Tar(log, "appended.tar", TarEntryFormat.Pax, false, ("at.log", Ping), ("other.log", Ping), ("at.log", Session));
        var whole = File.ReadAllBytes(Tar(log, "whole.tgz", TarEntryFormat.Pax, true, ("a.log", Session + Session + Session), ("b.log", Session)));
        var cut = log.Write("cut.tgz", whole[..(whole.Length / 2)]);

        Assert.That(ArchiveMembers.Logs(appended), Is.EqualTo(new[] { appended + "!/at.log", appended + "!/other.log" }));
        Assert.That(TimelineBuilder.Analyze(LogSource.Open(appended + "!/at.log")).Summary.Commands, Is.EqualTo(2));
        Assert.That(() => ArchiveMembers.Logs(cut), Throws.TypeOf<LogReadException>().With.Message.StartsWith($"{cut}: is not a readable tar archive"));
    }
}
