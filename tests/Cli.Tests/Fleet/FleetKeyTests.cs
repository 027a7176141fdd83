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
        Assert.That(run.StandardError, Does.Contain("token=*** looks like binary data"));
        var logs = await Query(database, "SELECT log, commands, (SELECT count(*) FROM exchanges e WHERE e.log = l.log) FROM logs l WHERE error IS NULL ORDER BY commands");
        Assert.That(logs.Select(l => l[0]), Is.Unique.And.All.Match(@"^token=\*\*\* #[0-9a-f]{8}$"), "one key per file, the second run replacing the first");
        Assert.That(await Query(database, "SELECT count(*), count(DISTINCT log) FROM logs"), Is.EqualTo(new[] { new[] { "4", "4" } }));
        Assert.That(logs.Select(l => $"{l[1]} {l[2]}"), Is.EqualTo(new[] { "1 1", "2 2", "3 3" }), "each log its own exchanges");
        var everything = run.StandardOutput + run.StandardError + again.StandardError + string.Join('\n', (await Query(database, "SELECT * FROM logs")).Select(r => string.Join(',', r)));
        foreach (var token in tokens) Assert.That(everything, Does.Not.Contain(token));
    }
}
