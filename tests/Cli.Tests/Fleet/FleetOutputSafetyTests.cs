namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// What <c>analyze --parquet</c> and <c>fleet --db</c> write never costs the user a file: the Parquet export deletes only
/// its own earlier files, outputs are checked before any log is read, and a second run does not read the first one's output.
/// </summary>
public sealed class FleetOutputSafetyTests : TemporaryFolder
{
    private const string Log = "AT\r\n\r\nOK\r\n";

    [Test]
    public async Task Logs_in_a_folder_named_like_a_table_are_never_replaced_by_parquet()
    {
        Write("proj/logs/a.log", Log);
        Write("proj/logs/b.log", Log);
        var project = Path.Combine(Folder, "proj");

        var run = await ConformanceProcess.RunAsync(null, "analyze", Path.Combine(project, "logs"), "--parquet", project);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError, Does.Match(@"proj/logs/[ab]\.log"), "the message names the file that would be lost");
        Assert.That(Directory.GetFiles(Path.Combine(project, "logs")).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "a.log", "b.log" }));
        Assert.That(File.ReadAllText(Path.Combine(project, "logs", "a.log")), Is.EqualTo(Log));
    }

    [Test]
    public async Task A_second_export_replaces_its_own_files_but_not_a_file_someone_put_in_a_table_folder()
    {
        var log = Write("a.log", Log);
        var output = Path.Combine(Folder, "out");
        var first = await ConformanceProcess.RunAsync(null, "analyze", log, "--parquet", output);
        var again = await ConformanceProcess.RunAsync(null, "analyze", log, "--parquet", output);
        var notes = Write("out/exchanges/day=undated/notes.txt", "mine");

        var refused = await ConformanceProcess.RunAsync(null, "analyze", log, "--parquet", output);

        Assert.That(first.ExitCode, Is.Zero, first.StandardError);
        Assert.That(again.ExitCode, Is.Zero, "its own earlier output is replaced: " + again.StandardError);
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.StandardError, Does.Contain("notes.txt"));
        Assert.That(refused.StandardError, Does.Not.Contain("1 logs"), "refused before any log is read");
        Assert.That(File.ReadAllText(notes), Is.EqualTo("mine"));
        Assert.That(Directory.GetFiles(Path.Combine(output, "exchanges", "day=undated")).Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { "data_0.parquet", "notes.txt" }), "the earlier export is left as it was");
    }

    [Test]
    public async Task A_parquet_file_of_the_output_named_as_input_is_refused()
    {
        var log = Write("a.log", Log);
        var output = Path.Combine(Folder, "out");
        await ConformanceProcess.RunAsync(null, "analyze", log, "--parquet", output);
        var data = Path.Combine(output, "logs", "day=undated", "data_0.parquet");

        var run = await ConformanceProcess.RunAsync(null, "analyze", data, "--parquet", output);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("data_0.parquet is inside it"));
        Assert.That(File.Exists(data), Is.True);
    }
}
