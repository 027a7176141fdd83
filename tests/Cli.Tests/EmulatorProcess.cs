using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Conformance.Cli.Tests;

/// <summary>A <c>conformance emulate --tcp</c> process: started, connected to, stopped with SIGTERM; its log is standard error.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly Task<string> _log;

    private EmulatorProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _log = process.StandardError.ReadToEndAsync();
    }

    public int Port { get; }

    /// <summary>Starts the emulator on a free port and waits until it listens.</summary>
    public static async Task<EmulatorProcess> StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "conformance.dll"), "emulate", "--tcp", "127.0.0.1:0" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        // Port 0: the emulator binds a free port and says which.
        var port = EmulateCommandTests.PortIn(await process.StandardOutput.ReadLineAsync().WaitAsync(Patience), "listening on tcp 127.0.0.1:");
        return new EmulatorProcess(process, port);
    }

    /// <summary>Sends <paramref name="line"/> and reads the answer up to its final result.</summary>
    public static async Task ExchangeAsync(NetworkStream stream, StreamReader reader, byte[] line)
    {
        await stream.WriteAsync((byte[])[.. line, .. "\r\n"u8]);
        string? answer;
        do answer = await reader.ReadLineAsync().WaitAsync(Patience);
        while (answer is not null && answer != "OK" && !answer.Contains("ERROR", StringComparison.Ordinal));
    }

    /// <summary>Stops the emulator with SIGTERM and returns its log.</summary>
    public async Task<string> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(Patience);
        return await _log;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }
}
