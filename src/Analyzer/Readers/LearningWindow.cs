namespace Conformance.Analyzer.Readers;

/// <summary>
/// Holds a reader's first pieces (packets, lines) while it learns from them which mark is the host's, then hands them out
/// in order, and every later piece as it comes: no piece is given out before the meaning of the marks is known.
/// </summary>
/// <param name="learnFrom">Learns from each piece while the window is open.</param>
/// <param name="learned">True once enough is learned to give the pieces out before <see cref="TranscriptReader.LearnWithin"/> are in
/// (a live log shows its lines as they come); null to learn from them all.</param>
internal sealed class LearningWindow<T>(Action<T> learnFrom, Func<bool>? learned = null)
{
    private List<T>? _held = [];

    /// <summary>The pieces that may go out now: none while learning, the held ones once <see cref="TranscriptReader.LearnWithin"/> are in.</summary>
    public IReadOnlyList<T> Add(T piece)
    {
        if (_held is null) return [piece];
        learnFrom(piece);
        _held.Add(piece);
        if (_held.Count < TranscriptReader.LearnWithin && learned?.Invoke() != true) return [];
        var ready = _held;
        _held = null;
        return ready;
    }

    /// <summary>The input ended: what is still held goes out.</summary>
    public IReadOnlyList<T> Flush()
    {
        var held = _held ?? [];
        _held = null;
        return held;
    }
}
