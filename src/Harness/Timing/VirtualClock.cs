using System.Diagnostics;

namespace Conformance.Harness.Timing;

/// <summary>
/// A clock for a module that lives in this process (the virtual module, a replayed trace): it stands still
/// while anything is happening and jumps to the next timer as soon as everybody is idle, so a 1 s quiet
/// period costs no wall time. Verdicts are those of a run on the system clock.
/// </summary>
/// <remarks>
/// Why it cannot just run fast: the embedded broker answers over real loopback sockets. The clock moves only
/// when all of these hold, and have held for <see cref="Settle"/> of real time:
/// the harness waits on one of its own timers (it is not between steps); no party reports itself busy
/// (<see cref="Watch"/>: module bytes the session has not read yet, MQTT requests the broker has not answered);
/// and no party reported any activity (<see cref="Activity"/>). The settle period covers the short gaps no
/// counter sees: a TCP connect before its CONNECT, a broker forwarding a publish just after acknowledging it.
/// On a loaded machine those gaps stretch (a thread waits for a core), so the clock also measures how late its
/// own 1 ms waits wake up and waits that much longer again, three times over (<see cref="Quiet"/>): a busy CI box
/// or a farm of modules in one process slows a run down instead of failing it.
/// Timers of the module itself (<see cref="Background"/>) fire when the clock reaches them but never make
/// it move on their own.
/// </remarks>
public sealed class VirtualClock : TimeProvider, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Timer> _timers = [];
    private readonly List<Func<bool>> _busy = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _driver;
    private DateTimeOffset _now;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private TimeSpan _lag;          // the latest peak of how late the driver's 1 ms waits woke up (driver thread only)
    private long _lagSeen = Stopwatch.GetTimestamp();

    // How long a peak of lateness counts: a burst of load keeps the clock careful for a while after it.
    private static readonly TimeSpan LagMemory = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxQuiet = TimeSpan.FromSeconds(1);

    /// <param name="start">The clock's first reading; a run on it is timestamped from there.</param>
    /// <param name="settle">How long all must be quiet, in real time, before the clock moves.</param>
    public VirtualClock(DateTimeOffset start, TimeSpan? settle = null)
    {
        _now = start;
        Settle = settle ?? TimeSpan.FromMilliseconds(15);
        Background = new BackgroundView(this);
        _driver = Task.Run(DriveAsync);
    }

    /// <summary>How long everything must be quiet, in real time, before the clock moves.</summary>
    public TimeSpan Settle { get; }

    /// <summary>How long everything must be quiet now: <see cref="Settle"/> plus three times the machine's recent lateness.</summary>
    private TimeSpan Quiet => Settle + TimeSpan.FromTicks(Math.Min(3 * _lag.Ticks, MaxQuiet.Ticks));

    /// <summary>The same clock for a module's own timers (keep-alive, ACK timeout, recorded gaps): they never make it move.</summary>
    public TimeProvider Background { get; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new Timer(this, callback, state, dueTime, period, waits: true);

    /// <summary>Something happened (bytes moved, a packet passed): the clock waits another <see cref="Settle"/>.</summary>
    public void Activity() => Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());

    /// <summary>Keeps the clock still while <paramref name="busy"/> says true (asked from the clock's own thread).</summary>
    public void Watch(Func<bool> busy)
    {
        lock (_gate) _busy.Add(busy);
    }

    private async Task DriveAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var asleep = Stopwatch.GetTimestamp();
                await Task.Delay(1, _stop.Token);
                Observe(Stopwatch.GetElapsedTime(asleep) - TimeSpan.FromMilliseconds(1));
                if (Idle()) AdvanceToNextTimer();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }

    }

    private void Observe(TimeSpan late)
    {
        if (late < _lag && Stopwatch.GetElapsedTime(_lagSeen) < LagMemory) return;
        _lag = late > TimeSpan.Zero ? late : TimeSpan.Zero;
        _lagSeen = Stopwatch.GetTimestamp();
    }

    private bool Idle()
    {
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity)) < Quiet) return false;
        Func<bool>[] busy;
        lock (_gate)
        {
            if (!_timers.Exists(t => t.Waits)) return false;
            busy = [.. _busy];
        }
        return !busy.Any(b => b());
    }

    private void AdvanceToNextTimer()
    {
        List<Timer> due;
        lock (_gate)
        {
            if (_timers.Count == 0) return;
            var next = _timers.Min(t => t.Due);
            if (next > _now) _now = next;
            due = [.. _timers.Where(t => t.Due <= _now).OrderBy(t => t.Due)];
            foreach (var timer in due) timer.Fired();
        }
        foreach (var timer in due) timer.Invoke();
        Activity();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _driver.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private sealed class BackgroundView(VirtualClock clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override long GetTimestamp() => clock.GetTimestamp();

        public override long TimestampFrequency => clock.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            new Timer(clock, callback, state, dueTime, period, waits: false);
    }

    private sealed class Timer : ITimer
    {
        private readonly VirtualClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private TimeSpan _period;

        public Timer(VirtualClock clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period, bool waits)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            Waits = waits;
            Change(dueTime, period);
        }

        /// <summary>True for the harness's own waits: only they make the clock move.</summary>
        public bool Waits { get; }

        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_clock._gate)
            {
                if (_disposed) return false;
                _clock._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                Due = _clock._now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
                _clock._timers.Add(this);
            }
            _clock.Activity();
            return true;
        }

        // Under the clock's lock: due now, so next at the period or never.
        public void Fired()
        {
            if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan) Due += _period;
            else _clock._timers.Remove(this);
        }

        private bool _disposed;

        /// <summary>
        /// Runs the callback, unless the timer was disposed since it fell due. A callback that throws ends the process, as
        /// with a real timer, rather than the clock's driver: virtual time must never stop silently.
        /// </summary>
        public void Invoke()
        {
            lock (_clock._gate)
                if (_disposed) return;
            try { _callback(_state); }
            catch (Exception e) { ThreadPool.UnsafeQueueUserWorkItem(_ => throw new InvalidOperationException("a virtual timer's callback failed", e), null); }
        }

        public void Dispose()
        {
            lock (_clock._gate)
            {
                _disposed = true;
                _clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
