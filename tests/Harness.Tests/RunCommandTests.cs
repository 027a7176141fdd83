using System.Xml.Linq;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

/// <summary><c>conformance run</c> as a user starts it: exit codes, the trace and the JUnit file it leaves.</summary>
public class RunCommandTests
{
    private string _out = "";

    [SetUp]
    public void SetUp() => _out = Directory.CreateTempSubdirectory("run-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_out, recursive: true);

    [Test]
    public async Task A_conforming_module_exits_0_with_trace_and_junit_written()
    {
        await using var server = new ModuleServer(() => new FakeModule(Dialect.Manual));

        var (exit, stdout, _) = await RunAsync("run", "--target", server.Target, "--suite", "Stat", "--out", _out, "--set", "api-key=k3y-secret");

        Assert.That(exit, Is.EqualTo(0), stdout);
        Assert.That(stdout, Does.Contain("3 passed, 0 failed"));
        Assert.That(XDocument.Load(Path.Combine(_out, "junit.xml")).Descendants("testcase").Count(), Is.EqualTo(3));
        var trace = await File.ReadAllTextAsync(Path.Combine(_out, "run.trace"));
        Assert.That(trace, Does.Contain("\"***\"").And.Not.Contain("k3y-secret"));
    }

    [Test]
    public async Task A_module_that_vanishes_mid_run_exits_1_with_a_clear_error_and_the_partial_report()
    {
        await using var server = new ModuleServer(() => new FakeModule(Dialect.Manual, Fault.Vanish));

        var (exit, _, stderr) = await RunAsync("run", "--target", server.Target, "--suite", "Disc", "--out", _out);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("conformance: run aborted: the module closed the link"));
        Assert.That(XDocument.Load(Path.Combine(_out, "junit.xml")).Descendants("error").Count(), Is.EqualTo(2));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_out, "run.trace")), Does.Contain("* link lost:"));
    }

    [TestCase("--target", "tcp:127.0.0.1:1", "conformance: cannot connect to 127.0.0.1:1")]
    [TestCase("--target", "serial:/dev/does-not-exist", "conformance: serial port /dev/does-not-exist does not exist")]
    [TestCase("--section", "9.9", "conformance: no scenario checks section 9.9")]
    [TestCase("--set", "port=http", "conformance: --set: port 'http' must be a number 1..65535")]
    public async Task A_setup_error_exits_2_saying_what_is_wrong(string option, string value, string message)
    {
        string[] target = option == "--target" ? [] : ["--target", "tcp:127.0.0.1:1"];
        var (exit, _, stderr) = await RunAsync(["run", .. target, option, value, "--out", _out]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith(message));
    }

    [Test]
    [Platform("Linux")]
    public async Task Disk_full_for_the_trace_exits_2_before_running_saying_so()
    {
        await using var server = new ModuleServer(() => new FakeModule(Dialect.Manual));

        // /dev/full: every write fails with ENOSPC, as on a full disk.
        var (exit, _, stderr) = await RunAsync("run", "--target", server.Target, "--suite", "Stat", "--out", _out, "--trace", "/dev/full");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("conformance: cannot write the trace /dev/full: No space left on device"));
        Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(File.Exists(Path.Combine(_out, "junit.xml")), Is.False, "nothing ran, so nothing is reported");
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => ConformanceProcess.RunAsync(args);
}
