namespace Conformance.Analyzer.Timeline;

/// <summary>
/// The URCs the session waits for. Command outcomes are matched first in, first out (the command does not know
/// its packet id); QoS 2 handshakes in progress are matched by packet id. Bounded: past the limit the oldest
/// wait is given up and reported.
/// </summary>
internal sealed class OpenFlows(int limit)
{
    // A queue per URC: waits are met first in, first out, and a queue reuses its array where a linked list would allocate a node per wait.
    private readonly Dictionary<string, Queue<Awaited>> _byUrc = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Urc, int PacketId), Awaited> _byPacketId = new(HandshakeKey.Comparer);
    // The handshake waits in the order they began, so the oldest is given up without a scan of them all (a log whose
    // handshakes never end would otherwise cost a scan per step). A wait met since stays until it reaches the front
    // or the queue is compacted.
    private readonly Queue<((string Urc, int PacketId) Key, Awaited Awaited)> _begun = new();

    /// <summary>Waits for <paramref name="awaited"/>; returns a wait given up to stay within the limit.</summary>
    public Awaited? Expect(Awaited awaited)
    {
        if (!_byUrc.TryGetValue(awaited.Urc, out var queue)) _byUrc[awaited.Urc] = queue = new Queue<Awaited>();
        queue.Enqueue(awaited);
        return queue.Count <= limit ? null : queue.Dequeue();
    }

    /// <summary>Waits for <paramref name="awaited"/> with <paramref name="packetId"/>; returns a wait it replaces (<paramref name="reused"/>) or gives up.</summary>
    public Awaited? Expect(Awaited awaited, int packetId, out bool reused)
    {
        var key = (awaited.Urc, packetId);
        var dropped = _byPacketId.Remove(key, out var replaced) ? replaced : null;
        reused = dropped is not null;
        if (dropped is null && _byPacketId.Count >= limit) dropped = GiveUpOldest();
        _byPacketId[key] = awaited;
        _begun.Enqueue((key, awaited));
        if (_begun.Count > 2 * _byPacketId.Count + 16) Compact();
        return dropped;
    }

    // Every wait in _byPacketId is in _begun, so one still open is found before the queue runs out.
    private Awaited GiveUpOldest()
    {
        while (true)
        {
            var (key, awaited) = _begun.Dequeue();
            if (IsOpen(key, awaited))
            {
                _byPacketId.Remove(key);
                return awaited;
            }
        }
    }

    private bool IsOpen((string Urc, int PacketId) key, Awaited awaited) =>
        _byPacketId.TryGetValue(key, out var open) && ReferenceEquals(open, awaited);

    // Drops the waits met since they began: at least half the queue, so the work is a constant per wait, and a wait met
    // (and the text it holds) is let go soon after.
    private void Compact()
    {
        var open = _begun.Where(b => IsOpen(b.Key, b.Awaited)).ToArray();
        _begun.Clear();
        foreach (var wait in open) _begun.Enqueue(wait);
    }

    /// <summary>The oldest wait for <paramref name="urc"/>, now satisfied; null when nothing waited for it.</summary>
    public Awaited? Take(string urc) => _byUrc.TryGetValue(urc, out var queue) && queue.TryDequeue(out var first) ? first : null;

    /// <summary>True while a wait for <paramref name="urc"/> of <paramref name="packetId"/> is open.</summary>
    public bool IsAwaited(string urc, int packetId) => _byPacketId.ContainsKey((urc, packetId));

    /// <summary>The wait for <paramref name="urc"/> with <paramref name="packetId"/>, now satisfied.</summary>
    public Awaited? Take(string urc, int packetId) => _byPacketId.Remove((urc, packetId), out var awaited) ? awaited : null;

    /// <summary>The oldest handshake wait for <paramref name="urc"/>, whatever its packet id (a step whose id could not be read).</summary>
    public Awaited? TakeAnyPacket(string urc)
    {
        (string Urc, int PacketId)? oldest = null;
        foreach (var (key, awaited) in _byPacketId)
            if (key.Urc == urc && (oldest is not { } o || awaited.Line < _byPacketId[o].Line)) oldest = key;
        return oldest is { } found && _byPacketId.Remove(found, out var taken) ? taken : null;
    }

    /// <summary>Takes the oldest of the waits for any of <paramref name="urcs"/>, a handshake step's too (an ACK timeout ends one of them).</summary>
    public Awaited? TakeOldest(params string[] urcs)
    {
        var oldest = urcs.Select(u => _byUrc.GetValueOrDefault(u) is { Count: > 0 } queue ? queue.Peek() : null).Where(a => a is not null).MinBy(a => a!.Line);
        (string Urc, int PacketId)? step = null;
        foreach (var (key, awaited) in _byPacketId)
            if (urcs.Contains(key.Urc) && (oldest is null || awaited.Line < oldest.Line) && (step is not { } s || awaited.Line < _byPacketId[s].Line)) step = key;
        if (step is { } found) return Take(found.Urc, found.PacketId);
        return oldest is null ? null : Take(oldest.Urc);
    }

    /// <summary>Gives up every wait (the module restarted); returns them in log order.</summary>
    public List<Awaited> TakeAll()
    {
        var all = Remaining.ToList();
        _byUrc.Clear();
        _byPacketId.Clear();
        _begun.Clear();
        return all;
    }

    /// <summary>Everything still waiting, in log order.</summary>
    public IEnumerable<Awaited> Remaining => _byUrc.Values.SelectMany(q => q).Concat(_byPacketId.Values).OrderBy(a => a.Line);

    /// <summary>Hashes a handshake key by packet id alone: the few URC names share ids rarely, and string hashing per step is the cost.</summary>
    private sealed class HandshakeKey : IEqualityComparer<(string Urc, int PacketId)>
    {
        public static readonly HandshakeKey Comparer = new();

        public bool Equals((string Urc, int PacketId) x, (string Urc, int PacketId) y) =>
            x.PacketId == y.PacketId && string.Equals(x.Urc, y.Urc, StringComparison.Ordinal);

        public int GetHashCode((string Urc, int PacketId) key) => key.PacketId;
    }
}
