namespace Conformance.Cli.Tests;

/// <summary>Every output path of every verb is checked before any work: one clear line, exit 2, and no input is ever written over.</summary>
public sealed class OutputPathTests
{
    private string _directory = "";
    private string _log = "";
    private byte[] _logBytes = [];

    [SetUp]
    public async Task SetUp()
    {
        _directory = Directory.CreateTempSubdirectory("outputs-").FullName;
        _log = Path.Combine(_directory, "customer.log");
        File.Copy(SscomLog.CustomerLog, _log);
        _logBytes = await File.ReadAllBytesAsync(_log);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    private string At(string name) => Path.Combine(_directory, name);

    private async Task AssertRefusedAsync(ConformanceProcess.Result run, string start)
    {
        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError.TrimEnd().Split('\n'), Has.Length.EqualTo(1), $"one clear line, no stack trace:\n{run.StandardError}");
        Assert.That(run.StandardError, Does.StartWith(start));
        Assert.That(await File.ReadAllBytesAsync(_log), Is.EqualTo(_logBytes), "the input log is untouched");
    }

    [TestCase("--html")]
    [TestCase("--json")]
    public async Task Analyze_refuses_to_write_a_report_over_its_input(string option)
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", _log, option, _log);

        await AssertRefusedAsync(run, $"conformance: {option} ");
        Assert.That(run.StandardError, Does.Contain("input"));
    }

    [Test]
    public async Task Analyze_refuses_the_input_through_another_spelling_of_its_path()
    {
        var sameFile = Path.Combine(_directory, ".", "..", Path.GetFileName(_directory), "customer.log");

        var run = await ConformanceProcess.RunAsync(null, "analyze", _log, "--html", sameFile);

        await AssertRefusedAsync(run, "conformance: --html ");
    }

    [Test]
    public async Task Analyze_csv_onto_an_existing_file_is_refused_before_the_json_is_written()
    {
        await File.WriteAllTextAsync(At("taken"), "mine");

        var run = await ConformanceProcess.RunAsync(null, "analyze", _log, "--json", At("analysis.json"), "--csv", At("taken"));

        await AssertRefusedAsync(run, "conformance: --csv ");
        Assert.That(run.StandardError, Does.Contain("is a file, not a folder"));
        Assert.That(File.Exists(At("analysis.json")), Is.False, "nothing was written");
        Assert.That(await File.ReadAllTextAsync(At("taken")), Is.EqualTo("mine"));
    }

    [Test]
    public async Task Analyze_refuses_csv_files_that_would_replace_the_input()
    {
        var input = At("exchanges.csv");
        File.Move(_log, input);
        _log = input;

        var run = await ConformanceProcess.RunAsync(null, "analyze", input, "--csv", _directory);

        await AssertRefusedAsync(run, "conformance: --csv ");
        Assert.That(run.StandardError, Does.Contain("input"));
    }

    [TestCase("--html", "missing/report.html", "no folder")]
    [TestCase("--json", "missing/analysis.json", "no folder")]
    [TestCase("--html", ".", "is a folder")]
    [TestCase("--html", "/proc/report.html", "cannot be written")]
    public async Task Analyze_bad_output_paths_exit_2_before_reading(string option, string value, string message)
    {
        var path = value.StartsWith('/') ? value : At(value);

        var run = await ConformanceProcess.RunAsync(null, "analyze", _log, option, path);

        await AssertRefusedAsync(run, $"conformance: {option} ");
        Assert.That(run.StandardError, Does.Contain(message).And.Not.Contain("reading"));
    }

    [Test]
    public async Task A_folder_that_takes_no_new_file_is_named_not_the_programs_own_probe_file()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", _log, "--json", "/proc/analysis.json");

        await AssertRefusedAsync(run, "conformance: --json /proc/analysis.json cannot be written:");
        Assert.That(run.StandardError, Does.Contain("'/proc'").And.Not.Contain(".conformance-"));
    }

    [Test]
    public async Task Two_outputs_naming_one_file_are_refused()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", _log, "--json", At("out"), "--html", At("out"));

        await AssertRefusedAsync(run, "conformance: --html ");
        Assert.That(run.StandardError, Does.Contain("--json"));
    }

    [Test]
    public async Task A_report_replacing_an_earlier_one_leaves_no_temporary_file()
    {
        await File.WriteAllTextAsync(At("report.html"), "earlier");

        var run = await ConformanceProcess.RunAsync(null, "analyze", _log, "--html", At("report.html"));

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(await File.ReadAllTextAsync(At("report.html")), Does.StartWith("<!DOCTYPE html>"));
        Assert.That(Directory.GetFiles(_directory).Select(Path.GetFileName), Is.EquivalentTo(new[] { "customer.log", "report.html" }));
    }

    [Test]
    public async Task A_device_is_written_in_place_not_replaced()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", _log, "--json", "/dev/stdout");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardOutput, Does.Contain("\"summary\""), "the JSON went to standard output");
    }

    [Test]
    public async Task Compare_refuses_to_write_its_json_over_an_input()
    {
        var run = await ConformanceProcess.RunAsync(null, "compare", _log, SscomLog.CustomerLog, "--json", _log);

        await AssertRefusedAsync(run, "conformance: --json ");
    }

    [TestCase("analyze", "--json")]
    [TestCase("analyze", "--html")]
    [TestCase("run", "--out")]
    [TestCase("mutate", "--json")]
    public async Task An_output_name_that_is_not_utf8_is_refused_instead_of_written_under_another_name(string verb, string option)
    {
        // A GBK name typed on a terminal set to GBK: the byte 0xD6 alone is no UTF-8.
        var input = verb == "analyze" ? "\"$2\"" : "";
        var run = await ConformanceProcess.RunShellAsync($"cd \"$1\" && conformance {verb} {input} {option} \"$(printf 'report\\326')\"", _directory, _log);

        await AssertRefusedAsync(run, $"conformance: {option} report\uFFFD: the name is not valid UTF-8");
        Assert.That(Directory.GetFileSystemEntries(_directory), Is.EqualTo(new[] { _log }), "nothing written under another name");
    }

    [TestCase("--json")]
    [TestCase("--junit")]
    public async Task Mutate_checks_its_outputs_before_the_mutants_run(string option)
    {
        var run = await ConformanceProcess.RunAsync(null, "mutate", option, _directory);

        await AssertRefusedAsync(run, $"conformance: {option} {_directory} is a folder: name a file in it");
    }

    [TestCase("analyze", "--html")]
    [TestCase("mutate", "--junit")]
    public async Task A_dash_where_only_a_file_is_written_is_refused_not_written_as_a_file_named_dash(string verb, string option)
    {
        var run = await ConformanceProcess.RunShellAsync($"cd \"$1\" && conformance {verb} {(verb == "analyze" ? "\"$2\"" : "")} {option} -", _directory, _log);

        await AssertRefusedAsync(run, $"conformance: {option} - would write a file named '-', not standard output");
        Assert.That(File.Exists(At("-")), Is.False);
    }
}
