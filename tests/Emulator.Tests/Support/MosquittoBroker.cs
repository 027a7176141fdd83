using System.Diagnostics;
using System.Net.Sockets;
using Conformance.Emulator.Platform;

namespace Conformance.Emulator.Tests.Support;

/// <summary>A real Debian mosquitto on a free loopback port, started for a fixture and killed afterwards; skipped when not installed.</summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private MosquittoBroker(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public static async Task<MosquittoBroker> StartAsync()
    {
        // The free port may be taken before mosquitto binds it (tests run in parallel): then try another.
        for (var attempt = 1; ; attempt++)
        {
            try { return await StartOnFreePortAsync(); }
            catch (InvalidOperationException e) when (attempt < 5 && e.Message.Contains("in use", StringComparison.OrdinalIgnoreCase)) { }
        }
    }

    private static async Task<MosquittoBroker> StartOnFreePortAsync()
    {
        var binary = ExternalProgram.Require("mosquitto", "mosquitto");
        var port = LoopbackPort.Free();
        var directory = Directory.CreateTempSubdirectory("mosquitto-").FullName;
        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n");
        var process = Process.Start(new ProcessStartInfo(binary, ["-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{binary} did not start.");
        var broker = new MosquittoBroker(process, directory, port);
        try { await broker.WaitUntilListeningAsync(); }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
        return broker;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"mosquitto exited with code {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
