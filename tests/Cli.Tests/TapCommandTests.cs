using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Conformance.Cli.Tests;

/// <summary><c>conformance tap</c> as a user runs it, between two TCP ports the test holds.</summary>
public sealed class TapCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private const string Password = "Qz7Lm2Vx9Rt4Kb8N";
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("tap-cli-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task A_port_that_closes_ends_the_tap_with_trace_summary_and_JUnit_written_and_secrets_masked()
    {
        using var hostSide = new TcpListener(IPAddress.Loopback, 0);
        using var moduleSide = new TcpListener(IPAddress.Loopback, 0);
        hostSide.Start();
        moduleSide.Start();
        var trace = Path.Combine(_directory, "tap.trace");
        var junit = Path.Combine(_directory, "tap.xml");
        using var tap = ConformanceProcess.Start("tap", "--host", $"tcp:{hostSide.LocalEndpoint}", "--module", $"tcp:{moduleSide.LocalEndpoint}",
            "--trace", trace, "--junit", junit);
        var stdout = tap.StandardOutput.ReadToEndAsync();
        var stderr = tap.StandardError.ReadToEndAsync();
        using var host = await hostSide.AcceptTcpClientAsync().WaitAsync(Patience);
        using var module = await moduleSide.AcceptTcpClientAsync().WaitAsync(Patience);

        var configure = Encoding.ASCII.GetBytes($"AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"{Password}\",1\r\n");
        await Exchange(host, module, configure, "\r\nOK\r\n"u8.ToArray());
        await Exchange(host, module, "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n"u8.ToArray(), "\r\n+CME ERROR: 3\r\n"u8.ToArray());
        module.Close();
        await tap.WaitForExitAsync().WaitAsync(Patience);

        var output = await stdout;
        Assert.That(tap.ExitCode, Is.EqualTo(0), await stderr);
        Assert.That(output, Does.Contain("→ AT+MQTTCFG=").And.Contain("→ AT+MQTTOPEN=1,1,0,0,0"), "the live timeline");
        Assert.That(output, Does.Contain("tap ended: module port closed"));
        Assert.That(output, Does.Contain("2 commands: 1 ok, 1 error, 0 unanswered"));
        Assert.That(output, Does.Match("forwarding delay per read median [0-9]+ µs"));
        var written = await File.ReadAllTextAsync(trace);
        Assert.That(written, Does.Contain("\"***\",1\\r\\n").And.Contain("< \\r\\n").And.Contain("* tap ended: module port closed"));
        Assert.That(output + written + await stderr + await File.ReadAllTextAsync(junit), Does.Not.Contain(Password));
        var report = await File.ReadAllTextAsync(junit);
        Assert.That(report, Does.Contain("<testsuite name=\"tap\" tests=\"3\" failures=\"2\""));
        Assert.That(report, Does.Contain("name=\"AT+MQTTOPEN=\">\n      <failure message=\"1 of 1 answered an error\""));
        Assert.That(report, Does.Contain("name=\"AT+MQTTCFG=\">\n      <system-out>"));
    }

    [Test]
    public async Task A_port_that_cannot_be_opened_is_a_setup_error_naming_it()
    {
        var missing = Path.Combine(_directory, "ttyUSB9");
        var run = await ConformanceProcess.RunAsync(null, "tap", "--host", "pty", "--module", $"serial:{missing}", "--trace", Path.Combine(_directory, "t.trace"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain($"serial port {missing} does not exist"));
    }

    /// <summary>The host sends a command and the module answers; each side gets exactly what the other sent.</summary>
    private static async Task Exchange(TcpClient host, TcpClient module, byte[] command, byte[] answer)
    {
        await host.GetStream().WriteAsync(command);
        Assert.That(await ReadAsync(module, command.Length), Is.EqualTo(command));
        await module.GetStream().WriteAsync(answer);
        Assert.That(await ReadAsync(host, answer.Length), Is.EqualTo(answer));
    }

    private static async Task<byte[]> ReadAsync(TcpClient client, int count)
    {
        var bytes = new byte[count];
        await client.GetStream().ReadExactlyAsync(bytes).AsTask().WaitAsync(Patience);
        return bytes;
    }
}
