using System.Text.RegularExpressions;

namespace Conformance.Cli.Tests;

/// <summary>What a user reads from the command line itself: help, option spellings, error lines, piped tables.</summary>
public sealed class CliPolishTests
{
    [TestCase("run")]
    [TestCase("emulate")]
    [TestCase("analyze")]
    [TestCase("compare")]
    [TestCase("frames")]
    [TestCase("mutate")]
    [TestCase("tap")]
    [TestCase("fleet")]
    [TestCase("fleet report")]
    [TestCase("fleet query")]
    [TestCase(null)]
    public async Task Every_verbs_help_lists_the_exit_codes(string? verb)
    {
        var help = await ConformanceProcess.RunAsync(null, verb is null ? ["--help"] : [.. verb.Split(' '), "--help"]);

        Assert.That(help.ExitCode, Is.Zero);
        Assert.That(help.StandardOutput, Does.Contain("Exit codes: 0"));
        Assert.That(help.StandardOutput, Does.Contain(" 2 "));
    }

    [TestCase("run")]
    [TestCase("emulate")]
    public async Task A_bad_dialect_is_refused_listing_the_lower_case_values(string verb)
    {
        var run = await ConformanceProcess.RunAsync(null, verb, "--dialect", "Fielld");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("--dialect").And.Contain("'manual'").And.Contain("'field'"));
        Assert.That(run.StandardError, Does.Not.Contain("Conformance.").And.Not.Contain("Field\n"));
    }

    [Test]
    public async Task A_bad_choice_lists_the_choices_one_per_line()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", "x.log", "--fail-on", "bogus");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError.Split('\n').Select(l => l.Trim()), Does.Contain("'warn'"), "each choice on its own line");
        Assert.That(run.StandardError, Does.Not.Contain("\\n").And.Not.Contain("\\t"), "no escapes of the layout");
    }

    [TestCase("run")]
    [TestCase("emulate")]
    public async Task The_help_spells_the_dialects_in_lower_case(string verb)
    {
        var help = await ConformanceProcess.RunAsync(null, verb, "--help");

        Assert.That(help.StandardOutput, Does.Match(@"--dialect\s.*manual").And.Not.Contain("Manual").And.Not.Contain("Field"));
    }

    [Test]
    public async Task Run_accepts_the_lower_case_dialect()
    {
        using var directory = new TempDirectory();

        var run = await ConformanceProcess.RunAsync(null, "run", "--dialect", "field", "--suite", "Stat", "--out", directory.Path);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(await File.ReadAllTextAsync(Path.Combine(directory.Path, "run.trace")), Does.Contain("# dialect: field"));
    }

    [TestCase("--suite", "Nope", "no suite named 'Nope'")]
    [TestCase("--section", "9.9", "no scenario checks section 9.9")]
    public async Task Errors_are_one_line_without_dotnet_parameter_names(string option, string value, string message)
    {
        var run = await ConformanceProcess.RunAsync(null, "run", option, value);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain(message).And.Not.Contain("(Parameter"));
    }

    [Test]
    public async Task Piped_tables_keep_each_row_on_one_line()
    {
        using var directory = new TempDirectory();

        var run = await ConformanceProcess.RunAsync(null, "run", "--suite", "Stat", "--out", directory.Path);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(Regex.IsMatch(run.StandardOutput, @"│ §1\.3 +│ MQTTSTAT is 5 when connected, 2 after DISC, 0 after DEL +│ passed +│"), Is.True, run.StandardOutput);
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("polish-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    [Test]
    public async Task A_missing_trace_to_replay_is_named_in_a_few_words()
    {
        var run = await ConformanceProcess.RunAsync(null, "run", "--target", "replay:no-such.trace", "--out", Path.GetTempPath());

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Is.EqualTo("conformance: cannot read trace no-such.trace: no such file\n"));
    }

    [TestCase("broker{0}=1", "conformance: --set: unknown key 'broker")]
    [TestCase("{0}", "conformance: --set '")]
    public async Task A_value_pasted_as_a_set_key_is_quoted_by_its_start(string item, string start)
    {
        var run = await ConformanceProcess.RunAsync(null, "run", "--set", string.Format(item, new string('x', 100_000)));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.StartWith(start).And.Contain("x…'"));
        Assert.That(run.StandardError.Length, Is.LessThan(300), "one readable line");
    }

    [TestCase("--idle-exit", "5", "conformance: --idle-exit ends a --follow")]
    [TestCase("--jobs", "2", "conformance: --jobs sets how many logs --parquet analyses at once")]
    public async Task An_option_of_another_mode_of_analyze_is_refused_not_ignored(string option, string value, string message)
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", SscomLog.CustomerLog, option, value);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.StartWith(message));
        Assert.That(run.StandardOutput, Is.Empty);
    }
}
