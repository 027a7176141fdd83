namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// The <c>log</c> key of each log: one file's only, within a run and across runs into one database, and masked
/// when its name holds a secret.
/// </summary>
public sealed class FleetKeyTests : TemporaryFolder
{
    /// <summary>A Tera Term log of <paramref name="commands"/> AT+CSQ exchanges on <paramref name="day"/>.</summary>
    private static string Stamped(string day, int commands) => string.Concat(Enumerable.Range(0, commands).Select(i =>
        $"[{day} 10:11:{10 + i}.000] AT+CSQ\r\n[{day} 10:11:{10 + i}.050] +CSQ: 20,99\r\n[{day} 10:11:{10 + i}.051] OK\r\n"));

    [Test]
    public async Task Logs_whose_names_hold_secrets_keep_a_key_and_rows_each_and_the_secrets_stay_hidden()
    {
        string[] tokens = ["AAAA1", "BBBB2", "CCCC3"];
        for (var i = 0; i < tokens.Length; i++) Write($"logs/token={tokens[i]}.log", Stamped("2024-01-02", i + 1));
        // One more that cannot be read: its error, naming the file, is masked too.
        File.WriteAllBytes(Path.Combine(Folder, "logs", "token=DDDD4.log"), [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 % 32))]);
        tokens = [.. tokens, "DDDD4"];
        var database = Path.Combine(Folder, "f.duckdb");

        var run = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "logs"), "--db", database);
        var again = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "logs"), "--db", database);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.StandardError);
        Assert.That(again.ExitCode, Is.EqualTo(1), again.StandardError);
        Assert.That(run.StandardError, Does.Match(@"token=\*\*\* #[0-9a-f]{8}: looks like binary data"), "the error follows its log's key");
        var logs = await Query(database, "SELECT log, commands, (SELECT count(*) FROM exchanges e WHERE e.log = l.log) FROM logs l WHERE error IS NULL ORDER BY commands");
        Assert.That(logs.Select(l => l[0]), Is.Unique.And.All.Match(@"^token=\*\*\* #[0-9a-f]{8}$"), "one key per file, the second run replacing the first");
        Assert.That(await Query(database, "SELECT count(*), count(DISTINCT log) FROM logs"), Is.EqualTo(new[] { new[] { "4", "4" } }));
        Assert.That(logs.Select(l => $"{l[1]} {l[2]}"), Is.EqualTo(new[] { "1 1", "2 2", "3 3" }), "each log its own exchanges");
        var everything = run.StandardOutput + run.StandardError + again.StandardError + string.Join('\n', (await Query(database, "SELECT * FROM logs")).Select(r => string.Join(',', r)));
        foreach (var token in tokens) Assert.That(everything, Does.Not.Contain(token));
    }

    [Test]
    public async Task Another_file_with_a_key_the_database_holds_is_kept_beside_it_and_said_while_the_same_file_again_replaces_its_rows()
    {
        var first = Write("logs/sub1/modem.log", Stamped("2024-01-02", 1));
        var second = Write("logs/sub2/modem.log", Stamped("2024-01-03", 2));
        var database = Path.Combine(Folder, "f.duckdb");

        var one = await ConformanceProcess.RunAsync(null, "fleet", Path.GetDirectoryName(first)!, "--db", database);
        var two = await ConformanceProcess.RunAsync(null, "fleet", Path.GetDirectoryName(second)!, "--db", database);
        var again = await ConformanceProcess.RunAsync(null, "fleet", Path.GetDirectoryName(second)!, "--db", database);
        // Both from the folder above (sub1/modem.log, sub2/modem.log): each file still replaces the rows it has.
        var above = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "logs"), "--db", database);

        foreach (var run in new[] { one, two, again, above }) Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(two.StandardError, Does.Contain("modem.log: ").And.Contain($"holds this key for another file, {first}").And.Contain($"{second} is keyed by its full path"));
        Assert.That(again.StandardError + above.StandardError, Does.Not.Contain("holds this key"), "the same file again is no other file");
        var logs = await Query(database, "SELECT log, first_time, commands, (SELECT count(*) FROM exchanges e WHERE e.log = l.log) FROM logs l ORDER BY first_time");
        Assert.That(logs.Select(l => string.Join(' ', l)), Is.EqualTo(new[]
        {
            "modem.log 2024-01-02 10:11:10.000 1 1",
            $"{second} 2024-01-03 10:11:10.000 2 2",
        }));
    }
}
