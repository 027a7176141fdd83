using System.Text;
using Conformance.Harness.Links;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Catalog;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Events;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Session;

/// <summary>
/// Speaks AT commands over a stream: one pending command at a time, echo dropped, information lines and the
/// final result collected, URCs kept for whoever waits on them. Every byte goes into the trace.
/// </summary>
public sealed class AtSession : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly TraceRecorder _trace;
    private readonly TimeProvider _time;
    // A run judges the module's line ends (line-end).
    private readonly AtEventReader _events = new(new AtTokenizerOptions { CommandsKnown = true, ReadsLineEnds = true });
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ReceivedUrc> _urcs = [];
    private readonly List<(Deviation Deviation, int TraceLine)> _stray = [];   // what arrived with no command to belong to
    private readonly LineEndTally _lineEnds = new();   // line ends not CR LF since the stray lines were last taken
    private readonly GarbledLines<int> _garbled = new();
    private (int Count, int Line, byte[] Bytes) _garbledSince;   // lines not text since the stray lines were last taken: how many, the first
    private readonly List<(long End, int Line)> _records = [];   // module bytes: stream offset past each record, its trace line
    private readonly List<(long End, long At)> _reads = [];   // module bytes: stream offset past each read, its timestamp
    private long _received;
    private long _lastActivity;   // timestamp of the host's last command or the module's last read, whichever came later
    private Pending? _pending;
    private (AtCommand Command, int Line)? _lastAnswered;
    private bool _booting;   // from a restart banner to the next command: the boot's lines and its OK answer nothing
    // A command that timed out may still be answered: until the next command, a final result with none pending is its
    // late answer, not a second answer to the command before it.
    private (AtCommand Command, int Line, TaskCompletionSource Answered)? _owed;
    private TaskCompletionSource _arrived = NewSignal();
    private Task? _reader;

    /// <summary>Every event read from the module, in order, as it is read (under the session's lock: keep it short).</summary>
    public event Action<AtEvent>? EventRead;

    /// <summary>Where a replayed trace first recorded another command than the host sent; null while the replay follows.</summary>
    public string? Diverged { get; private set; }

    /// <summary>Why the link went away; null while it is up.</summary>
    public string? LinkLost { get; private set; }

    public AtSession(Stream stream, TraceRecorder trace, TimeProvider time)
    {
        _stream = stream;
        _trace = trace;
        _time = time;
    }

    public TimeProvider Time => _time;

    public TraceRecorder Trace => _trace;

    /// <summary>Starts reading the module's output.</summary>
    public void Start() => _reader ??= Task.Run(ReadLoopAsync);

    /// <summary>
    /// Sends <paramref name="command"/> and waits up to <paramref name="timeout"/> for its final result.
    /// </summary>
    /// <exception cref="LinkLostException">The module went away.</exception>
    /// <exception cref="ReplayDivergenceException">A replayed trace recorded another command here.</exception>
    public async Task<CommandReply> SendAsync(AtCommand command, TimeSpan timeout, CancellationToken cancel = default)
    {
        var line = Encoding.UTF8.GetBytes(command.Format() + "\r\n");
        var pending = new Pending(command, _time);
        lock (_gate)
        {
            ThrowIfLost();
            if (_pending is not null) throw new InvalidOperationException($"{_pending.Command.FormatRedacted()} is still pending");
            _pending = pending;
            _booting = false;
            _owed = null;
            _events.CommandSent(command.Format());
            pending.TraceLine = _trace.Sent(line);
            _lastActivity = _time.GetTimestamp();
        }
        try
        {
            await _stream.WriteAsync(line, cancel);
            await _stream.FlushAsync(cancel);
        }
        catch (ReplayEndedException e)
        {
            // Nothing more was recorded: the module is gone from here on, as if unplugged.
            Lose(e.Message, e);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException && e is not ReplayDivergenceException)
        {
            Lose($"the link failed while sending {command.FormatRedacted()}: {e.Message}", e);
        }
        catch (ReplayDivergenceException e)
        {
            lock (_gate) _pending = null;
            Diverged ??= e.Message;
            throw;
        }

        using var timer = new CancellationTokenSource(timeout, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancel, timer.Token);
        try
        {
            return await pending.Done.Task.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            lock (_gate)
            {
                // A final result handled just as the time ran out still counts: it arrived in time.
                if (pending.Done.Task.IsCompletedSuccessfully) return pending.Done.Task.Result;
                // One held for its line end is read now, to say so, rather than taken later for the next command's answer.
                FlushHeld();
                if (pending.Done.Task.IsCompletedSuccessfully) return pending.Done.Task.Result;
                if (_pending == pending) _pending = null;
                _owed = (command, pending.TraceLine, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                return pending.Reply(null, null, 0);
            }
        }
    }

    /// <summary>The command that timed out last and is still owed its answer, with its trace line; null when none is.</summary>
    public (AtCommand Command, int Line)? OwedAnswer
    {
        get
        {
            lock (_gate) return _owed is { } owed ? (owed.Command, owed.Line) : null;
        }
    }

    /// <summary>
    /// Waits up to <paramref name="within"/> for the late answer of the command that timed out last, so that it is not
    /// taken for the next command's; true when none was owed or it came. Afterwards none is owed.
    /// </summary>
    public async Task<bool> WaitForLateAnswerAsync(TimeSpan within, CancellationToken cancel = default)
    {
        Task answered;
        lock (_gate)
        {
            if (_owed is not { } owed) return true;
            answered = owed.Answered.Task;
        }
        using var timer = new CancellationTokenSource(within, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancel, timer.Token);
        try
        {
            await answered.WaitAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            lock (_gate)
            {
                _owed = null;
                return answered.IsCompleted;
            }
        }
    }

    /// <summary>
    /// Waits up to <paramref name="within"/> for a URC that <paramref name="match"/> accepts, earliest first,
    /// and takes it; null when none came in time. URCs it does not accept stay for later waits.
    /// </summary>
    public Task<ReceivedUrc?> WaitForUrcAsync(Func<ReceivedUrc, bool> match, TimeSpan within, CancellationToken cancel = default) =>
        FindUrcAsync(match, take: true, within, cancel);

    /// <summary>
    /// Like <see cref="WaitForUrcAsync"/>, but leaves the URC in place: a step that judges URCs in the order they
    /// arrived looks at each in turn and <see cref="Take"/>s those it uses.
    /// </summary>
    public Task<ReceivedUrc?> PeekUrcAsync(Func<ReceivedUrc, bool> match, TimeSpan within, CancellationToken cancel = default) =>
        FindUrcAsync(match, take: false, within, cancel);

    /// <summary>Takes <paramref name="urc"/> (this very instance) out of the URCs received; false when it was taken already.</summary>
    public bool Take(ReceivedUrc urc)
    {
        lock (_gate)
        {
            var index = _urcs.FindIndex(u => ReferenceEquals(u, urc));
            if (index < 0) return false;
            _urcs.RemoveAt(index);
            return true;
        }
    }

    private async Task<ReceivedUrc?> FindUrcAsync(Func<ReceivedUrc, bool> match, bool take, TimeSpan within, CancellationToken cancel)
    {
        using var timer = new CancellationTokenSource(within, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancel, timer.Token);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (Find(match, take) is { } urc) return urc;
                ThrowIfLost();
                arrived = _arrived.Task;
            }
            try
            {
                await arrived.WaitAsync(either.Token);
            }
            catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancel.IsCancellationRequested)
            {
                // A URC handled just as the time ran out still counts: it arrived in time.
                lock (_gate) return Find(match, take);
            }
        }
    }

    // Under the gate: the earliest URC match accepts, taken out when take says so.
    private ReceivedUrc? Find(Func<ReceivedUrc, bool> match, bool take)
    {
        var index = _urcs.FindIndex(u => match(u));
        if (index < 0) return null;
        var urc = _urcs[index];
        if (take) _urcs.RemoveAt(index);
        return urc;
    }

    /// <summary>
    /// Reads what the tokenizer holds back for bytes still to come (a publish whose msg_len runs past what the module
    /// sent, a line without its line end) as if the stream ended here; true when that gave an event. For a wait that
    /// ended in silence: bytes that have not come by then are not coming, and what came is the module's answer.
    /// </summary>
    public bool FlushHeld()
    {
        lock (_gate)
        {
            var none = ReadOnlySpan<byte>.Empty;
            var any = false;
            while (_events.TryRead(ref none, out var atEvent, isFinalBlock: true))
            {
                OnEvent(atEvent);
                any = true;
            }
            return any;
        }
    }

    /// <summary>
    /// Listens until neither side has said anything for <paramref name="quiet"/>: what the module sends straight after an
    /// answer (a second OK, a URC nobody asked for) is read now, to be judged with what came before it, not taken for part
    /// of what follows. A line still held for its end when the module has been silent that long is read as it stands.
    /// Only as long as the quiet still lacks: after a wait that heard nothing, it costs nothing.
    /// </summary>
    public async Task SettleAsync(TimeSpan quiet, CancellationToken cancel = default)
    {
        TimeSpan since;
        lock (_gate) since = _time.GetElapsedTime(_lastActivity);
        // A clock set back since (a fake one) measures no negative silence: the wait is never longer than the quiet.
        if (since < quiet) await Task.Delay(since < TimeSpan.Zero ? quiet : quiet - since, _time, cancel);
        lock (_gate)
            if (_time.GetElapsedTime(_lastActivity) >= quiet) FlushHeld();
    }

    /// <summary>URCs received and not taken by any wait, oldest first; they are removed.</summary>
    public IReadOnlyList<ReceivedUrc> TakeUnclaimed()
    {
        lock (_gate)
        {
            var all = _urcs.ToList();
            _urcs.Clear();
            return all;
        }
    }

    /// <summary>
    /// Deviations of lines that belonged to no command (a final result or echo with nothing pending, free text),
    /// oldest first, then the line ends that were not CR LF, said once with the first and the count; they are removed.
    /// </summary>
    public IReadOnlyList<(Deviation Deviation, int TraceLine)> TakeStray()
    {
        lock (_gate)
        {
            var all = _stray.ToList();
            if (_lineEnds.Count > 0)
            {
                var line = (int)_lineEnds.FirstLine;
                all.Add((Deviation.Of(CodeList.LineEnd, _lineEnds.Describe("ends the trace line named"), "1.11"), line));
            }
            // The bytes shown are the masked line's, as the trace shows it.
            if (_garbledSince is { Count: > 0 } garbled)
                all.Add((Deviation.Of(CodeList.GarbledOutput, GarbledLines<int>.Describe(garbled.Count, $"trace line {garbled.Line}", _trace.Secrets.Mask(garbled.Bytes)), "1.11"), garbled.Line));
            _garbledSince = default;
            _stray.Clear();
            _lineEnds.Clear();
            return all;
        }
    }

    /// <summary>URCs received and not taken yet, left in place.</summary>
    public IReadOnlyList<ReceivedUrc> Unclaimed()
    {
        lock (_gate) return [.. _urcs];
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var n = await _stream.ReadAsync(buffer, _stop.Token);
                if (n == 0)
                {
                    Lose("the module closed the link (end of stream)", null);
                    return;
                }
                lock (_gate) Consume(buffer.AsSpan(0, n));
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            if (!_stop.IsCancellationRequested) Lose($"the link failed: {e.Message}", e);
        }
    }

    private void Consume(ReadOnlySpan<byte> chunk)
    {
        foreach (var (end, line) in _trace.Received(chunk)) _records.Add((_received + end, line));
        _received += chunk.Length;
        _lastActivity = _time.GetTimestamp();
        _reads.Add((_received, _lastActivity));
        var input = chunk;
        while (_events.TryRead(ref input, out var atEvent)) OnEvent(atEvent);
        if (_records.Count > 256) _records.RemoveRange(0, _records.Count - 64);
        if (_reads.Count > 256) _reads.RemoveRange(0, _reads.Count - 64);
    }

    /// <summary>
    /// A gap this long between two reads of one line is a pause of the module's, not a UART's pace (9600 baud: 1 ms a
    /// byte): a host that takes a quiet period for the end of what the module sent cuts the line there.
    /// </summary>
    public static readonly TimeSpan LinePause = ProtocolCatalog.QuietPeriod;

    // The longest gap between two reads that each hold some of the event's bytes: a pause in the middle of it. Not the
    // span from first to last, which a long message at 9600 baud stretches past a second without any pause.
    private TimeSpan PauseWithin(AtEvent atEvent)
    {
        long? before = null;
        var longest = TimeSpan.Zero;
        foreach (var (end, at) in _reads)
        {
            if (end <= atEvent.Offset) continue;
            if (before is { } previous && _time.GetElapsedTime(previous, at) is var gap && gap > longest) longest = gap;
            before = at;
            if (end >= atEvent.Offset + atEvent.Length) break;
        }
        return longest;
    }

    private void OnEvent(AtEvent atEvent)
    {
        EventRead?.Invoke(atEvent);
        var text = atEvent.Text;
        if (LineEndTally.Deviates(atEvent.LineEndBefore)) _lineEnds.Add(atEvent.LineEndBefore, LineAt(atEvent.LineEndOffset));
        var line = LineAt(atEvent.Offset);
        if (_garbled.Read(atEvent, line, out var garbled) is var count and > 0)
            _garbledSince = _garbledSince.Count == 0 ? (count, garbled.At, garbled.Bytes) : _garbledSince with { Count = _garbledSince.Count + count };
        // Said once a scenario, as line ends are: a host that takes a pause for the end of a line cuts this one.
        if (atEvent.Kind is not (AtEventKind.Noise or AtEventKind.Overflow) && PauseWithin(atEvent) is var pause && pause >= LinePause
            && !_stray.Any(s => s.Deviation.Code == CodeList.SplitLine.Code))
            _stray.Add((Deviation.Of(CodeList.SplitLine, $"'{text}' came in pieces {pause.TotalSeconds:0.0} s apart: the module paused in the middle of the line; reported once a scenario", "1.11"), line));
        // Only FlushHeld reads a frame cut short: the module stopped mid-line (or mid-message) and sent nothing more in time.
        if (atEvent.IsTruncated && atEvent.Kind != AtEventKind.Final)
            _stray.Add((Deviation.Of(CodeList.TruncatedInput, $"'{text}' was cut short: no line end (or not all of its message) came before the wait ended", "1.11"), line));
        switch (atEvent.Kind)
        {
            case AtEventKind.Echo when _pending is not null:
                _pending.Echoed = true;
                // An echo repeats the line as received (V.250); backspaces typed are no difference.
                var sent = _pending.Command.Format();
                if (text != sent && LineEditing.Apply(text) != sent)
                    _stray.Add((Deviation.Of(CodeList.EchoMismatch, $"the echo '{text}' differs from the command sent, {_pending.Command.FormatRedacted()}", "4.1"), line));
                break;
            case AtEventKind.Urc when atEvent.Name is { } banner && ProtocolCatalog.Restarts.Contains(banner):
                // Kept for a wait on the banner; reported once as the restart, not as an unexpected URC.
                if (!_booting) Restarted(text, line);
                _urcs.Add(new ReceivedUrc(text, Parsed<Urc>(atEvent, $"{banner} is a restart banner"), _time.GetUtcNow(), line) { IsRestart = true });
                Signal();
                break;
            case AtEventKind.Final when _pending is null && _booting:
                break;
            case AtEventKind.Information when _pending is not null:
                _pending.Information.Add(new ReceivedLine(text, Parsed<InformationResponse>(atEvent,
                    $"no typed answer is known for AT{_pending.Command.Name}"), line));
                break;
            case AtEventKind.Final when _pending is not null && atEvent.IsTruncated:
                // Read only when a wait ended (FlushHeld): a host that reads lines never gets it.
                var unended = _pending;
                _pending = null;
                unended.Done.TrySetResult(unended.Reply(null, null, 0) with
                    { Lost = $"'{text}' came without a line end (trace line {line}), so no host reading lines gets it" });
                return;
            case AtEventKind.Final when _pending is not null:
                var pending = _pending;
                _pending = null;
                _lastAnswered = (pending.Command, line);
                pending.Done.TrySetResult(pending.Reply((FinalResult)atEvent.Value!, text, line));
                break;
            case AtEventKind.Urc:
                // An outcome before its command's final result is kept for the wait like any URC; its deviation
                // (outcome-before-final, docs/interpretation.md) becomes a finding when it is taken.
                _urcs.Add(new ReceivedUrc(text, Parsed<Urc>(atEvent, $"{atEvent.Name} is not a URC of the MQTT command set"), _time.GetUtcNow(), line)
                    { NotUtf8 = !System.Text.Unicode.Utf8.IsValid(atEvent.Raw) });
                Signal();
                break;
            case AtEventKind.Text when _pending is not null:
                _stray.Add((Deviation.Of(CodeList.FreeText, $"'{text}' is no AT syntax; it arrived inside the answer to {_pending.Command.FormatRedacted()}", "1.11"), line));
                break;
            case AtEventKind.Information when _owed is not null:
                // The late answer's own lines.
                break;
            case AtEventKind.Final when _owed is { } owed:
                _owed = null;
                _trace.Event($"late answer: '{text}' (trace line {line}) ends {owed.Command.FormatRedacted()} (trace line {owed.Line}), after its timeout");
                owed.Answered.TrySetResult();
                break;
            case AtEventKind.Final or AtEventKind.Echo or AtEventKind.Text or AtEventKind.Information:
                // Nothing pending: the module spoke on its own, outside any exchange.
                // A second final result breaks the section of the command it follows: a host pairs it with its next one.
                var section = atEvent.Kind == AtEventKind.Final && _lastAnswered is { } last ? last.Command.Section : "1.11";
                _stray.Add((Deviation.Of(Stray(atEvent.Kind), $"'{text}' arrived while no command was pending{AfterLast()}", section), line));
                break;
            case AtEventKind.Overflow:
                // Its bytes are gone: whatever it carried (a URC, an answer) is lost to every host reading lines.
                _stray.Add((Deviation.Of(CodeList.LineTooLong, $"a line of {atEvent.Length} bytes starting '{text}' is longer than the frame limit; skipped", "1.11"), line));
                break;
            case AtEventKind.Noise when !_stray.Any(s => s.Deviation.Code == CodeList.Noise.Code):
                _stray.Add((Deviation.Of(CodeList.Noise, $"{atEvent.Length} byte(s) that form no line (first 0x{atEvent.Raw[0]:X2}); reported once a scenario", "1.11"), line));
                break;
        }
    }

    // Which command was answered last: a final result with none pending is a second answer to it, or a late one.
    private string AfterLast() => _lastAnswered is { } last ? $" (the last command, {last.Command.FormatRedacted()}, was answered at trace line {last.Line})" : "";

    // A restart forgets the command it was running: it gets no final result, and the boot's own OK answers nothing.
    private void Restarted(string banner, int line)
    {
        _booting = true;
        var reason = $"the module restarted ('{banner}', trace line {line})";
        _stray.Add((Deviation.Of(CodeList.ModuleRestarted, _pending is null ? reason : $"{reason} while {_pending.Command.FormatRedacted()} was pending", "4.1"), line));
        if (_pending is not { } pending) return;
        _pending = null;
        pending.Done.TrySetResult(pending.Reply(null, null, 0) with { Lost = reason });
    }

    private static CodeEntry Stray(AtEventKind kind) => kind switch
    {
        AtEventKind.Final => CodeList.FinalWithoutCommand,
        AtEventKind.Text => CodeList.FreeText,
        _ => CodeList.LineWithoutCommand,
    };

    /// <summary>The event's typed value as the session's records carry it, without parsing the line again.</summary>
    private static ParseResult<T> Parsed<T>(AtEvent atEvent, string untyped) where T : class =>
        atEvent.Value is T value ? ParseResult<T>.Ok(value, atEvent.Deviations)
            : ParseResult<T>.Fail(atEvent.Error ?? untyped, atEvent.ErrorPosition);

    private int LineAt(long offset)
    {
        foreach (var (end, line) in _records)
            if (end > offset) return line;
        return _trace.LineCount;
    }

    private void Lose(string reason, Exception? cause)
    {
        lock (_gate)
        {
            if (LinkLost is not null) return;
            LinkLost = reason;
            _trace.Event($"link lost: {reason}");
            _pending?.Done.TrySetException(new LinkLostException(reason, cause));
            _pending = null;
            Signal();
        }
    }

    private void ThrowIfLost()
    {
        if (LinkLost is not null) throw new LinkLostException(LinkLost);
    }

    private void Signal()
    {
        var arrived = _arrived;
        _arrived = NewSignal();
        arrived.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _stream.DisposeAsync();
        if (_reader is not null) await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private sealed class Pending(AtCommand command, TimeProvider time)
    {
        private readonly long _sent = time.GetTimestamp();

        public AtCommand Command { get; } = command;
        public int TraceLine { get; set; }
        public bool Echoed { get; set; }
        public List<ReceivedLine> Information { get; } = [];
        public TaskCompletionSource<CommandReply> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Timed on the monotonic clock: a wall clock set back mid-command gives no negative latency.
        public CommandReply Reply(FinalResult? final, string? finalText, int finalLine) =>
            new(Command, TraceLine, [.. Information], final, finalText, finalLine, time.GetElapsedTime(_sent), Echoed);
    }
}
