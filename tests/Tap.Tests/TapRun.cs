using Conformance.Harness.Dsl;
using Conformance.Harness.Links;
using Conformance.Harness.Running;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Tracing;
using Conformance.Suites;

namespace Conformance.Tap.Tests;

/// <summary>A tap started in the background on real ports, and the harness run against a serial port, on the system clock.</summary>
internal sealed class TapRun : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task<TapResult> _running;

    private TapRun(TapSession session, TaskCompletionSource<(string, string)> opened)
    {
        Opened = opened.Task;
        _running = Task.Run(() => session.RunAsync(null, _stop.Token));
    }

    /// <summary>The ports' names once both are open (<c>pty:/dev/pts/N</c> for a pty).</summary>
    public Task<(string Host, string Module)> Opened { get; }

    public static TapRun Start(TapOptions options)
    {
        var session = new TapSession(options);
        var opened = new TaskCompletionSource<(string, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Opened += (host, module) => opened.TrySetResult((host, module));
        return new TapRun(session, opened);
    }

    /// <summary>Waits for the tap to end by itself (a port closed).</summary>
    public Task<TapResult> EndAsync() => _running.WaitAsync(Patience);

    /// <summary>Stops the tap as Ctrl-C does.</summary>
    public async Task<TapResult> StopAsync()
    {
        await _stop.CancelAsync();
        return await _running.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running.WaitAsync(Patience); }
        catch (Exception) when (_running.IsFaulted) { }
        _stop.Dispose();
    }

    /// <summary>Runs suites against <c>serial:PATH</c>; returns the report and, from the harness's own trace, every byte it sent.</summary>
    public static async Task<(RunReport Report, byte[] Sent)> HarnessAsync(string path, string? suite = null)
    {
        var scenarios = SuiteCatalog.FromAssembly(typeof(PowerOnSuite).Assembly).Select(new SuiteParameters(), suite);
        var text = new StringWriter { NewLine = "\n" };
        await using var link = new LinkFactory().Parse($"serial:{path}", new LinkSettings(TimeProvider.System, SecretMasker.Shown));
        RunReport report;
        using (var recorder = new TraceRecorder(text, TimeProvider.System, link.Target, SecretMasker.Shown))
            report = await new Runner(TimeProvider.System, new RunOptions()).RunAsync(link, scenarios, recorder);
        return (report, TraceFile.Read(new StringReader(text.ToString()), "harness").Bytes(TraceDirection.ToModule));
    }

    /// <summary>The bytes of one direction in a trace file (and its rotations, oldest first).</summary>
    public static byte[] Recorded(string trace, TraceDirection direction) =>
        [.. Analyzer.Readers.LogFiles.Rotation(trace).SelectMany(file =>
        {
            using var reader = new StreamReader(file);
            return TraceFile.Read(reader, file).Bytes(direction);
        })];

    /// <summary>Waits until <paramref name="done"/> holds (bytes still in a port's buffer), without asserting how long that takes.</summary>
    public static async Task UntilAsync(Func<bool> done)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!done()) await Task.Delay(20, patience.Token);
    }
}
