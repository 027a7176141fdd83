using System.Text;
using System.Text.Json;

namespace Conformance.Cli.Tests;

/// <summary>
/// The console report of <c>analyze</c> shows the first rows of each table and says how many more there are and
/// which reports list them, so that a log of thousands of distinct failing commands is not laid out whole in memory.
/// </summary>
public sealed class ConsoleRowCapTests
{
    private const int Commands = 75;
    private string _log = "";

    [SetUp]
    public void WriteLog()
    {
        // Distinct commands, each refused, each with a long argument: a diagnostic row and a response-time row apiece.
        var log = new StringBuilder();
        for (var i = 0; i < Commands; i++) log.Append($"AT+ZQ{i:00}{new string('x', 2000)}\r\n\r\nERROR\r\n");
        _log = Path.Combine(Path.GetTempPath(), $"rows-{Guid.NewGuid():N}.log");
        File.WriteAllText(_log, log.ToString());
    }

    [TearDown]
    public void DeleteLog()
    {
        File.Delete(_log);
        File.Delete(_log + ".json");
    }

    [Test]
    public async Task Each_table_shows_its_first_50_rows_and_says_how_many_more_the_reports_list()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", _log, "--json", _log + ".json");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var lines = run.StandardOutput.Split('\n');
        var diagnostics = Section(lines, "Diagnostics");
        Assert.That(diagnostics.Count(l => l.Contains("command-error")), Is.EqualTo(50));
        Assert.That(diagnostics, Does.Contain($"… {Commands - 50} more diagnostics not shown; --json, --csv or --html list all {Commands}"));
        var times = Section(lines, "Response times");
        Assert.That(times.Count(l => l.Contains("AT+ZQ")), Is.EqualTo(50));
        Assert.That(times, Does.Contain($"… {Commands - 50} more commands not shown; --json, --csv or --html list all {Commands}"));
        Assert.That(times.Max(l => l.Length), Is.LessThan(400), "a long command is shown by its start, as in the timeline");

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_log + ".json"));
        Assert.That(json.RootElement.GetProperty("diagnostics").GetArrayLength(), Is.EqualTo(Commands), "the JSON report lists every one");
    }

    [Test]
    public async Task A_table_of_50_rows_or_fewer_is_shown_whole_without_a_note()
    {
        File.WriteAllText(_log, string.Concat(Enumerable.Range(0, 50).Select(i => $"AT+ZQ{i:00}\r\n\r\nERROR\r\n")));

        var run = await ConformanceProcess.RunAsync(null, "analyze", _log);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardOutput.Split('\n').Count(l => l.Contains("command-error")), Is.EqualTo(50 + 1), "50 rows and the count per code");
        Assert.That(run.StandardOutput, Does.Not.Contain("not shown"));
    }

    // The lines of the report's section titled title, up to the next section.
    private static string[] Section(string[] lines, string title)
    {
        var start = Array.FindIndex(lines, l => l.StartsWith($"── {title} "));
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("── "));
        return lines[(start + 1)..end];
    }
}
