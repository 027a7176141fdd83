using System.Text.Json;

namespace Conformance.Cli.Tests;

public class CompareCommandTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => Directory.CreateDirectory(_directory = Path.Combine(Path.GetTempPath(), $"compare-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task A_slower_firmware_shows_as_a_change_beyond_noise()
    {
        var old = SscomLog.Publishing(40).WriteTo(Path.Combine(_directory, "old.log"));
        var slow = SscomLog.Publishing(90).WriteTo(Path.Combine(_directory, "new.log"));

        var run = await ConformanceProcess.RunAsync(null, "compare", old, slow, "--json", "-");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var publish = json.RootElement.GetProperty("commands").EnumerateArray().Single(c => c.GetProperty("command").GetString() == "AT+MQTTPUB=");
        Assert.That(publish.GetProperty("beyondNoise").GetBoolean(), Is.True);
        Assert.That(publish.GetProperty("medianChangeMs").GetDouble(), Is.EqualTo(50));
    }

    [Test]
    public async Task The_table_names_the_slower_command()
    {
        var old = SscomLog.Publishing(40).WriteTo(Path.Combine(_directory, "old.log"));
        var slow = SscomLog.Publishing(90).WriteTo(Path.Combine(_directory, "new.log"));

        var run = await ConformanceProcess.RunAsync(null, "compare", old, slow);

        Assert.That(run.StandardOutput, Does.Match(@"AT\+MQTTPUB=.*\+50 \(\+119%\).*slower"));
        Assert.That(run.StandardOutput, Does.Contain("1 command(s) changed beyond noise"));
    }

    [Test]
    public async Task A_log_against_itself_shows_no_change()
    {
        var run = await ConformanceProcess.RunAsync(null, "compare", SscomLog.CustomerLog, SscomLog.CustomerLog);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardOutput, Does.Contain("No command's response time changed beyond noise."));
        Assert.That(run.StandardOutput, Does.Not.Contain("only in"));
    }

    [Test]
    public async Task Urcs_and_diagnostics_of_one_log_only_are_named()
    {
        var clean = SscomLog.Publishing(40).WriteTo(Path.Combine(_directory, "clean.log"));

        var run = await ConformanceProcess.RunAsync(null, "compare", clean, SscomLog.CustomerLog);

        Assert.That(run.StandardOutput, Does.Contain("URCs only in B:").And.Contain("+MQTTREC"));
        Assert.That(run.StandardOutput, Does.Contain("Diagnostics only in B:").And.Contain("cme-error"));
    }

    [Test]
    public async Task A_missing_log_is_an_input_error()
    {
        var run = await ConformanceProcess.RunAsync(null, "compare", SscomLog.CustomerLog, Path.Combine(_directory, "nope.log"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("no such file"));
    }
}
