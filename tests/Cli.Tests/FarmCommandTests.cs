using System.Diagnostics;
using System.Xml.Linq;

namespace Conformance.Cli.Tests;

/// <summary><c>conformance run</c> on a farm, as a release manager starts it: files on disk, the matrix, exit codes.</summary>
public sealed class FarmCommandTests
{
    private string _out = "";

    [SetUp]
    public void SetUp() => _out = Directory.CreateTempSubdirectory("farm-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_out, recursive: true);

    private string At(string name) => Path.Combine(_out, name);

    [Test]
    public async Task A_targets_file_with_an_unreachable_module_runs_the_others_writes_every_file_and_exits_1()
    {
        await File.WriteAllTextAsync(At("rack.txt"), """
            # the demo rack: no hardware needed
            good = emulator
            field = emulator:field
            unplugged = tcp:127.0.0.1:1    # nothing listens here
            """);

        var run = await ConformanceProcess.RunAsync(null, "run", "--targets", At("rack.txt"), "--suite", "Stat", "--out", _out, "--html", At("matrix.html"));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.StandardOutput + run.StandardError);
        Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "rack.txt", "good.trace", "field.trace", "unplugged.trace", "junit.xml", "matrix.html" }));
        var suites = XDocument.Load(At("junit.xml")).Root!.Elements("testsuite").ToList();
        Assert.That(suites.Select(s => ((string?)s.Attribute("name"), (int)s.Attribute("failures")! + (int)s.Attribute("errors")!)),
            Is.EqualTo(new[] { ("good", 0), ("field", 0), ("unplugged", 1) }));
        Assert.That(run.StandardOutput, Does.Contain("error: cannot connect to 127.0.0.1:1").And.Contain("2 of 3 modules passed"));
        Assert.That(run.StandardOutput, Does.Contain("M5310-A virtual 1.0 field"), "the firmware identity is in the matrix");
        Assert.That(await File.ReadAllTextAsync(At("matrix.html")), Does.Contain("data-module=\"unplugged\""));
    }

    [Test]
    public async Task A_typo_in_one_target_or_a_single_trace_file_is_a_usage_error_before_anything_runs()
    {
        var typo = await ConformanceProcess.RunAsync(null, "run", "--target", "emulator", "--target", "b=serail:/dev/ttyUSB0", "--out", _out);
        Assert.That(typo.ExitCode, Is.EqualTo(2));
        Assert.That(typo.StandardError, Does.StartWith("conformance: module b: unknown target 'serail:/dev/ttyUSB0'"));

        var trace = await ConformanceProcess.RunAsync(null, "run", "--target", "emulator", "--target", "emulator:field", "--trace", At("one.trace"), "--out", _out);
        Assert.That(trace.ExitCode, Is.EqualTo(2));
        Assert.That(trace.StandardError, Does.Contain("a farm writes a trace per module"));

        var html = await ConformanceProcess.RunAsync(null, "run", "--target", "emulator", "--html", At("m.html"), "--out", _out);
        Assert.That(html.ExitCode, Is.EqualTo(2));
        Assert.That(html.StandardError, Does.Contain("--html writes the matrix of a farm"));
        Assert.That(Directory.GetFiles(_out), Is.Empty, "nothing ran, nothing written");
    }

    [Test]
    public async Task Ctrl_C_stops_a_hung_module_and_still_writes_every_trace_the_junit_and_the_matrix()
    {
        using var frozen = new FrozenModule();
        using var farm = ConformanceProcess.Start("run", "--target", "good=emulator", "--target", $"hung={frozen.Target}", "--suite", "Stat",
            "--out", _out, "--html", At("matrix.html"));
        var stderr = farm.StandardError.ReadToEndAsync();
        // The good module has run all its scenarios; the hung one waits for its first answer.
        var finished = 0;
        while (finished < 3 && await farm.StandardOutput.ReadLineAsync() is { } line)
            if (line.StartsWith("good ", StringComparison.Ordinal)) finished++;
        Assert.That(finished, Is.EqualTo(3), "the good module's progress");

        using (var kill = Process.Start("kill", ["-INT", farm.Id.ToString()])) await kill.WaitForExitAsync();
        var stdout = await farm.StandardOutput.ReadToEndAsync();
        await farm.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.That(farm.ExitCode, Is.EqualTo(1), stdout + await stderr);
        Assert.That(await stderr, Does.Contain("farm interrupted (SIGINT); every trace and a partial report are written"));
        Assert.That(await File.ReadAllTextAsync(At("hung.trace")), Does.Contain("> AT+CGMR"));
        Assert.That(await File.ReadAllTextAsync(At("good.trace")), Does.Contain("run finished"));
        var suites = XDocument.Load(At("junit.xml")).Root!.Elements("testsuite").ToList();
        Assert.That(suites.Select(s => ((string?)s.Attribute("name"), (int)s.Attribute("tests")!, (int)s.Attribute("errors")!)),
            Is.EqualTo(new[] { ("good", 3, 0), ("hung", 3, 3) }), "the hung module's scenarios are reported not run");
        Assert.That(await File.ReadAllTextAsync(At("matrix.html")), Does.Contain("not run"));
    }
}
