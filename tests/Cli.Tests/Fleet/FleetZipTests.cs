using System.IO.Compression;
using System.Text;

namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// Logs sent zipped, as customers send them: each log in a zip archive is a log of its own, keyed <c>ARCHIVE!/MEMBER</c>,
/// its rotations with it; a Mac's <c>__MACOSX/</c> copies and folder entries are no logs; a damaged archive is an error row.
/// </summary>
public sealed class FleetZipTests : TemporaryFolder
{
    private const string Csq = "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n";
    private const string Password = "Zip7pass";

    private static void Zip(string archive, params (string Name, string Text)[] members)
    {
        using var zip = ZipFile.Open(archive, ZipArchiveMode.Create);
        foreach (var (name, text) in members)
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(Encoding.UTF8.GetBytes(text));
        }
    }

    [TestCase("fleet", "--db", "f.duckdb")]
    [TestCase("analyze", "--parquet", "out")]
    public async Task Each_log_in_an_archive_is_a_log_of_its_own_with_its_rotations(string verb, string option, string output)
    {
        var input = Directory.CreateDirectory(Path.Combine(Folder, "in")).FullName;
        Zip(Path.Combine(input, "site-3.zip"),
            ("gw1/modem.log.1", Csq),
            ("gw1/modem.log", $"AT+MQTTCFG=\"183.230.40.39\",6002,\"d1\",120,\"p1\",\"{Password}\",1\r\n\r\nOK\r\n" + Csq),
            ("gw2/", ""),
            ("gw2/at.log", Csq + Csq + Csq),
            ("__MACOSX/gw2/._at.log", "\0\u0005\u0016\u0007 Mac OS X resource fork"));
        File.WriteAllText(Path.Combine(input, "loose.log"), Csq);
        File.WriteAllBytes(Path.Combine(input, "cut.zip"), [.. "PK\u0003\u0004"u8, .. "cut off in the upload"u8]);

        var run = await ConformanceProcess.RunAsync(null, verb, input, option, Path.Combine(Folder, output));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.StandardError);
        Assert.That(run.StandardError, Does.Contain("cut.zip: is not a readable zip archive"));
        var table = verb == "fleet" ? "logs" : $"read_parquet('{Path.Combine(Folder, output)}/logs/*/*.parquet', hive_partitioning = true)";
        Assert.That(FleetRows.Of($"SELECT log, commands, error IS NOT NULL FROM {table} ORDER BY log", verb == "fleet" ? Path.Combine(Folder, output) : ":memory:"),
            Is.EqualTo(new[] { "cut.zip,,True", "loose.log,1,False", "site-3.zip!/gw1/modem.log,3,False", "site-3.zip!/gw2/at.log,3,False" }));
        Assert.That(run.StandardError, Does.Not.Contain(Password));
    }
}
