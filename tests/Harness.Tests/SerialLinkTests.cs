using System.Diagnostics;
using Conformance.Harness.Links;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests;

/// <summary><c>--target serial:</c> over a real pseudo-terminal pair made by socat, the module double on the far end.</summary>
[NonParallelizable]
public class SerialLinkTests
{
    private Process? _socat;
    private string _folder = "";

    [SetUp]
    public async Task SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("pty-").FullName;
        _socat = Process.Start(new ProcessStartInfo("socat",
            ["-d", "-d", $"pty,raw,echo=0,link={_folder}/host", $"pty,raw,echo=0,link={_folder}/module"]) { RedirectStandardError = true });
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!(File.Exists($"{_folder}/host") && File.Exists($"{_folder}/module")) && DateTime.UtcNow < until) await Task.Delay(20);
        Assert.That(File.Exists($"{_folder}/module"), Is.True, "socat did not create the pseudo-terminals");
    }

    [TearDown]
    public void TearDown()
    {
        _socat?.Kill();
        _socat?.WaitForExit(5000);
        _socat?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Suites_run_over_a_pseudo_terminal_at_9600_baud()
    {
        using var module = new FileStream($"{_folder}/module", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1);
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(() => new FakeModule(Dialect.Field).ServeAsync(module, stop.Token));

        var (report, trace) = await HarnessRun.RunAsync($"serial:{_folder}/host", HarnessRun.Select("Open"));

        Assert.That(report.Target, Is.EqualTo($"serial:{_folder}/host,{SerialLink.DefaultBaudRate}"));
        Assert.That(report.Scenarios.Select(s => s.Outcome), Is.All.EqualTo(Outcome.Passed), string.Join("\n", report.Scenarios.Select(s => s.Message)));
        Assert.That(trace, Does.Contain("< +MQTTOPEN:OK\\r\\n"));
        await stop.CancelAsync();
        _ = serving;
    }

    [Test]
    public async Task A_missing_port_is_a_link_error_that_names_it()
    {
        var link = new LinkFactory().Parse($"serial:{_folder}/nothing,115200", new LinkSettings(TimeProvider.System, Protocol.Secrets.SecretMasker.Shown));

        var error = Assert.ThrowsAsync<LinkException>(() => link.OpenAsync(CancellationToken.None));
        Assert.That(error!.Message, Is.EqualTo($"serial port {_folder}/nothing does not exist (is the module plugged in?)"));
        await link.DisposeAsync();
    }

    [TestCase("serial:/dev/ttyUSB0,fast", "serial target: baud rate 'fast' at character 21 must be a positive number, e.g. serial:/dev/ttyUSB0,9600")]
    [TestCase("tcp:localhost", "tcp target 'localhost': expected HOST:PORT, e.g. tcp:127.0.0.1:5310")]
    [TestCase("usb:0", "unknown target 'usb:0': expected one of emulator:…, replay:…, serial:…, tcp:…")]
    public void A_bad_target_is_rejected_saying_what_is_wrong(string target, string message)
    {
        Assert.That(() => new LinkFactory().Parse(target, new LinkSettings(TimeProvider.System, Protocol.Secrets.SecretMasker.Shown)),
            Throws.TypeOf<LinkException>().With.Message.EqualTo(message));
    }
}
