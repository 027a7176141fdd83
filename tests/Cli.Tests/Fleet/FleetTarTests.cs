using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// A fleet's logs sent as one gzipped tar (<c>tar czf site.tgz logs/</c>): each file in it is a log of its own, keyed
/// <c>ARCHIVE!/MEMBER</c>, its rotations with it; a damaged archive is an error row; the unpacked copy the reading needs
/// is gone when the command ends.
/// </summary>
public sealed class FleetTarTests : TemporaryFolder
{
    private const string Csq = "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n";
    private const string Password = "Tar8pass";

    private static void Tgz(string archive, params (string Name, string Text)[] members)
    {
        using var file = File.Create(archive);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, text) in members)
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
    }

    [TestCase("fleet", "--db", "f.duckdb")]
    [TestCase("analyze", "--parquet", "out")]
    public async Task Each_log_in_a_tar_is_a_log_of_its_own_and_nothing_unpacked_is_left(string verb, string option, string output)
    {
        var input = Directory.CreateDirectory(Path.Combine(Folder, "in")).FullName;
        var temp = Directory.CreateDirectory(Path.Combine(Folder, "tmp")).FullName;
        Tgz(Path.Combine(input, "site-4.tgz"),
            ("./gw1/modem.log.1", Csq),
            ("./gw1/modem.log", $"AT+MQTTCFG=\"183.230.40.39\",6002,\"d1\",120,\"p1\",\"{Password}\",1\r\n\r\nOK\r\n" + Csq),
            ("./gw2/at.log", Csq + Csq + Csq));
        Tgz(Path.Combine(Folder, "whole.tgz"), ("a.log", Csq + Csq), ("b.log", Csq));
        var whole = File.ReadAllBytes(Path.Combine(Folder, "whole.tgz"));
        File.WriteAllBytes(Path.Combine(input, "cut.tar.gz"), whole[..(whole.Length / 2)]);
        // `tar czf empty.tgz -T /dev/null`: a record of zeros, gzipped.
        using (var empty = new GZipStream(File.Create(Path.Combine(input, "empty.tgz")), CompressionLevel.Fastest)) empty.Write(new byte[10240]);

        var run = await ConformanceProcess.RunAsync(null, new Dictionary<string, string> { ["TMPDIR"] = temp + "/" }, verb, input, option, Path.Combine(Folder, output));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.StandardError);
        Assert.That(run.StandardError, Does.Contain("cut.tar.gz: is not a readable tar archive"));
        Assert.That(run.StandardError, Does.Contain("empty.tgz: is a tar archive that holds no file"));
        var table = verb == "fleet" ? "logs" : $"read_parquet('{Path.Combine(Folder, output)}/logs/*/*.parquet', hive_partitioning = true)";
        Assert.That(FleetRows.Of($"SELECT log, commands, error IS NOT NULL FROM {table} ORDER BY log", verb == "fleet" ? Path.Combine(Folder, output) : ":memory:"),
            Is.EqualTo(new[] { "cut.tar.gz,,True", "empty.tgz,,True", "site-4.tgz!/gw1/modem.log,3,False", "site-4.tgz!/gw2/at.log,3,False" }));
        Assert.That(run.StandardError + run.StandardOutput, Does.Not.Contain(Password));
        Assert.That(Directory.EnumerateFileSystemEntries(temp), Is.Empty, "the unpacked copy is deleted when the command ends");
    }
}
