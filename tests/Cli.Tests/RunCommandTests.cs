using System.Diagnostics;
using System.Xml.Linq;

namespace Conformance.Cli.Tests;

/// <summary><c>conformance run</c> as a user starts it: what it leaves on disk, and how it ends when the module stops answering.</summary>
public sealed class RunCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private string _out = "";

    [SetUp]
    public void SetUp() => _out = Directory.CreateTempSubdirectory("run-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_out, recursive: true);

    private string At(string name) => Path.Combine(_out, name);

    [Test]
    public async Task The_tour_order_run_then_replay_run_trace_replays_the_recording_and_keeps_it()
    {
        var first = await ConformanceProcess.RunAsync(null, "run", "--suite", "Stat", "--out", _out);
        Assert.That(first.ExitCode, Is.Zero, first.StandardError);
        var recording = await File.ReadAllBytesAsync(At("run.trace"));

        var replay = await ConformanceProcess.RunAsync(null, "run", "--target", $"replay:{At("run.trace")}", "--suite", "Stat", "--out", _out);

        Assert.That(replay.ExitCode, Is.Zero, replay.StandardOutput + replay.StandardError);
        Assert.That(replay.StandardOutput, Does.Contain("3 passed, 0 failed"));
        Assert.That(await File.ReadAllBytesAsync(At("run.trace")), Is.EqualTo(recording), "the recording replayed is the input: never written over");
        Assert.That(await File.ReadAllTextAsync(At("replay.trace")), Does.Contain($"target: replay:{At("run.trace")}"));
    }

    [TestCase("field", TestName = "A_firmware_counting_msg_len_in_characters_fails_without_strict(inline message)")]
    [TestCase("", TestName = "A_firmware_counting_msg_len_in_characters_fails_without_strict(message on the next line)")]
    public async Task A_firmware_counting_msg_len_in_characters_fails_without_strict(string dialect)
    {
        // A mutant of the virtual module, no test double: the inline form is read whole and its msg_len is an error,
        // the next-line form loses the message's end.
        var target = dialect.Length > 0 ? $"mutant:publish-msg-len-in-characters,{dialect}" : "mutant:publish-msg-len-in-characters";
        var run = await ConformanceProcess.RunAsync(null, "run", "--target", target, "--section", "1.11", "--out", _out);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.StandardError);
        Assert.That(run.StandardOutput, Does.Match(@"failed 1\.11 a UTF-8 message arrives with msg_len in bytes, not characters .*(message-len-mismatch: msg_len is 6 but the message has 12 bytes|expected \+MQTTPUBLISH)"));
    }

    [Test]
    public async Task A_trace_named_as_the_replayed_file_exits_2_and_leaves_it()
    {
        await File.WriteAllTextAsync(At("old.trace"), "not even a trace");

        var run = await ConformanceProcess.RunAsync(null, "run", "--target", $"replay:{At("old.trace")}", "--trace", At("old.trace"), "--out", _out);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.StartWith("conformance: --trace").And.Contain("input"));
        Assert.That(await File.ReadAllTextAsync(At("old.trace")), Is.EqualTo("not even a trace"));
    }

    [Test]
    public async Task A_folder_given_as_the_replayed_trace_is_named_a_folder_not_a_permission_problem()
    {
        Directory.CreateDirectory(At("traces"));

        var run = await ConformanceProcess.RunAsync(null, "run", "--target", $"replay:{At("traces")}", "--out", _out);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain($"cannot read trace {At("traces")}: it is a folder").And.Not.Contain("denied"));
    }

    [Test]
    public async Task A_target_that_cannot_be_opened_leaves_the_earlier_results_untouched()
    {
        await File.WriteAllTextAsync(At("run.trace"), "earlier trace");
        await File.WriteAllTextAsync(At("junit.xml"), "earlier junit");

        var run = await ConformanceProcess.RunAsync(null, "run", "--target", "tcp:127.0.0.1:1", "--out", _out);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(await File.ReadAllTextAsync(At("run.trace")), Is.EqualTo("earlier trace"));
        Assert.That(await File.ReadAllTextAsync(At("junit.xml")), Is.EqualTo("earlier junit"));
        Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName), Is.EquivalentTo(new[] { "run.trace", "junit.xml" }), "no temporary file is left behind");
    }

    [TestCase("--out", "existing-file", "is a file, not a folder")]
    [TestCase("--out", "/proc/conformance-out", "cannot create the folder")]
    [TestCase("--trace", "missing/run.trace", "no folder")]
    [TestCase("--junit", "missing/junit.xml", "no folder")]
    [TestCase("--junit", ".", "is a folder")]
    public async Task A_bad_output_path_exits_2_with_one_line_before_the_run_starts(string option, string value, string message)
    {
        await File.WriteAllTextAsync(At("existing-file"), "mine");
        var path = value.StartsWith('/') ? value : At(value);
        string[] rest = option == "--out" ? [] : ["--out", _out];

        var run = await ConformanceProcess.RunAsync(null, ["run", "--suite", "Stat", option, path, .. rest]);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError, Does.StartWith($"conformance: {option} ").And.Contain(message));
        Assert.That(run.StandardError.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one clear line, no stack trace");
        Assert.That(run.StandardOutput, Does.Not.Contain("MQTTSTAT"), "nothing ran");
        Assert.That(await File.ReadAllTextAsync(At("existing-file")), Is.EqualTo("mine"));
    }

    [TestCase("folder", "is a folder")]
    [TestCase("missing.conf", "no such file")]
    public async Task A_settings_file_that_cannot_be_read_exits_2_with_one_line_naming_it(string name, string message)
    {
        Directory.CreateDirectory(At("folder"));

        var run = await ConformanceProcess.RunAsync(null, "run", "--suite", "Stat", "--settings", At(name), "--out", _out);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError, Does.StartWith($"conformance: --settings {At(name)}").And.Contain(message));
        Assert.That(run.StandardError.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one clear line, no stack trace");
    }

    [Test]
    public async Task A_settings_line_without_equals_is_named_and_the_expected_form_shown_unmasked()
    {
        await File.WriteAllTextAsync(At("run.conf"), "broker = 127.0.0.1\napi-key Sup3rKey99\n");

        var run = await ConformanceProcess.RunAsync(null, "run", "--suite", "Stat", "--settings", At("run.conf"), "--out", _out);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError, Does.Contain("run.conf:2: expected 'name = value'").And.Not.Contain("***").And.Not.Contain("Sup3rKey99"));
    }

    [Test]
    public async Task A_full_disk_under_the_junit_report_exits_2_naming_it_and_keeps_the_trace()
    {
        var run = await ConformanceProcess.RunAsync(null, "run", "--suite", "Stat", "--junit", "/dev/full", "--out", _out);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError, Does.StartWith("conformance: cannot write the JUnit report /dev/full:").And.Contain("No space left"));
        Assert.That(run.StandardError.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one clear line, no stack trace");
        Assert.That(await File.ReadAllTextAsync(At("run.trace")), Does.Contain("AT+MQTTSTAT"), "the trace is kept");
    }

    [TestCase("api-key:Sup3rKey99")]
    [TestCase("api-key Sup3rKey99")]
    public async Task A_malformed_set_never_echoes_its_value(string set)
    {
        var run = await ConformanceProcess.RunAsync(null, "run", "--suite", "Stat", "--set", set, "--out", _out);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError, Does.Contain("--set 'api-key…'").And.Contain("expected name=value").And.Not.Contain("Sup3rKey99"));
    }

    [Test]
    public async Task A_module_silent_past_give_up_ends_the_run_with_the_partial_report()
    {
        using var module = new FrozenModule();

        var run = await ConformanceProcess.RunAsync(null, "run", "--target", module.Target, "--suite", "Stat", "--give-up", "2", "--out", _out);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.StandardError);
        Assert.That(run.StandardError, Does.Contain("run aborted:").And.Contain("the module has sent nothing for 2 s"));
        var junit = XDocument.Load(At("junit.xml"));
        Assert.That(junit.Descendants("testcase").Count(), Is.EqualTo(3));
        Assert.That(junit.Descendants("error").Select(e => (string)e.Attribute("message")!), Has.Some.StartWith("not run:"));
        Assert.That(await File.ReadAllTextAsync(At("run.trace")), Does.Contain("run aborted:").And.Contain("the module has sent nothing for 2 s"));
    }

    [Test]
    public async Task Bad_give_up_values_exit_2([Values("0", "-3", "soon")] string value)
    {
        var run = await ConformanceProcess.RunAsync(null, "run", "--give-up", value, "--out", _out);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("--give-up"));
    }

    [TestCase("TERM")]
    [TestCase("INT")]
    public async Task A_signal_mid_run_writes_the_trace_and_a_junit_marking_the_interrupted_scenarios_and_exits_1(string signal)
    {
        using var module = new FrozenModule();
        using var process = ConformanceProcess.Start("run", "--target", module.Target, "--suite", "Stat", "--out", _out);
        var stderr = process.StandardError.ReadToEndAsync();
        var started = await process.StandardOutput.ReadLineAsync().WaitAsync(Patience);
        Assert.That(started, Does.Contain("MQTTSTAT"), "a scenario has started");
        var stdout = process.StandardOutput.ReadToEndAsync();

        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString()])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);

        Assert.That(process.ExitCode, Is.EqualTo(1), await stderr);
        Assert.That(await stderr, Does.Contain($"conformance: run interrupted (SIG{signal})"));
        Assert.That(await stdout, Does.Contain("JUnit"));
        var junit = XDocument.Load(At("junit.xml"));
        var messages = junit.Descendants("error").Select(e => (string)e.Attribute("message")!).ToList();
        Assert.That(messages, Has.Count.EqualTo(3));
        Assert.That(messages[0], Does.Contain("interrupted"));
        Assert.That(messages.Skip(1), Has.All.StartWith("not run: interrupted"));
        Assert.That(await File.ReadAllTextAsync(At("run.trace")), Does.Contain("* scenario 1.3").And.Contain("run aborted: interrupted"));
    }
}
