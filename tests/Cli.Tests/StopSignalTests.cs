using System.Diagnostics;
using System.Text;

namespace Conformance.Cli.Tests;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM on the verbs that stream or run long: each says what was cut short on standard error
/// and exits with its documented code, never the shell's 130 or 143 in silence.
/// </summary>
[Platform("Linux")]
public sealed class StopSignalTests
{
    [TestCase("INT")]
    [TestCase("TERM")]
    public async Task Frames_of_a_pipe_stopped_by_a_signal_writes_the_frames_read_says_so_and_exits_1(string signal)
    {
        // `cat /dev/ttyUSB0 | conformance frames -`: the pipe stays open, Ctrl-C is how it ends. More than the
        // few kilobytes read to tell plain text from gzip or UTF-16, so that frames flow before the signal.
        const int Exchanges = 200;
        var capture = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n", Exchanges)));
        using var process = ConformanceProcess.Start("frames", "-");
        await process.StandardInput.BaseStream.WriteAsync(capture);
        await process.StandardInput.BaseStream.FlushAsync();
        var finals = 0;
        while (finals < Exchanges && await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)) is { } line)
            if (line.Contains("\"kind\":\"final\"")) finals++;
        Assert.That(finals, Is.EqualTo(Exchanges), "frames are written as the bytes arrive");

        await SendAsync(process, signal);
        var rest = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(1));
        var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.That(process.ExitCode, Is.EqualTo(1), error);
        Assert.That(error, Is.EqualTo($"conformance: interrupted (SIG{signal}) after {capture.Length} bytes of standard input: " +
            "the frames of those bytes are written, the rest was not read\n"));
        Assert.That(rest, Is.Empty, "every frame was written before");
    }

    [Test]
    public async Task Mutate_stopped_by_SIGTERM_says_so_and_exits_1_without_a_report()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"mutate-stop-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var json = Path.Combine(directory, "kill.json");
            using var process = ConformanceProcess.Start("mutate", "--json", json, "--parallel", "1");
            var heading = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.That(heading, Does.Contain("mutants x"));

            await SendAsync(process, "TERM");
            var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

            Assert.That(process.ExitCode, Is.EqualTo(1), error);
            Assert.That(error, Does.StartWith("conformance: interrupted (SIGTERM) while running the mutants: no report written"));
            Assert.That(File.Exists(json), Is.False);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task SendAsync(Process process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString()])!;
        await kill.WaitForExitAsync();
    }
}
