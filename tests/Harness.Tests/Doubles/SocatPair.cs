using System.Diagnostics;
using System.IO.Ports;
using Conformance.Emulator.Tests.Support;

namespace Conformance.Harness.Tests.Doubles;

/// <summary>
/// Two linked pseudo-terminals made by socat, as a USB-serial adapter with the module on its far end: the host opens
/// <see cref="HostPath"/>, a module double serves the other end.
/// </summary>
public sealed class SocatPair : IAsyncDisposable
{
    private readonly Process _socat;
    private readonly string _folder = Directory.CreateTempSubdirectory("socat-").FullName;
    private SerialPort? _module;
    private Task? _serving;
    private readonly CancellationTokenSource _stop = new();

    private SocatPair(string socat)
    {
        HostPath = Path.Combine(_folder, "host");
        var start = new ProcessStartInfo(socat) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in new[] { $"pty,raw,echo=0,link={HostPath}", $"pty,raw,echo=0,link={ModulePath}" }) start.ArgumentList.Add(arg);
        _socat = Process.Start(start)!;
    }

    /// <summary>The port the host opens: <c>serial:</c> + this.</summary>
    public string HostPath { get; }

    private string ModulePath => Path.Combine(_folder, "module");

    /// <summary>Starts socat (skips or fails the test without it, as the interop tests do) with <paramref name="module"/> on the far end.</summary>
    public static async Task<SocatPair> StartAsync(IModuleDouble module)
    {
        var pair = new SocatPair(ExternalProgram.Require("socat", "socat"));
        for (var i = 0; i < 200 && !(File.Exists(pair.HostPath) && File.Exists(pair.ModulePath)); i++) await Task.Delay(25);
        if (!File.Exists(pair.ModulePath)) Assert.Fail($"socat made no pseudo-terminals: {await pair._socat.StandardError.ReadToEndAsync()}");
        pair._module = new SerialPort(pair.ModulePath, 9600);
        pair._module.Open();
        pair._serving = Task.Run(() => module.ServeAsync(pair._module.BaseStream, pair._stop.Token));
        return pair;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _module?.Dispose();
        if (_serving is not null) await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!_socat.HasExited) _socat.Kill();
        await _socat.WaitForExitAsync();
        _socat.Dispose();
        _stop.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
