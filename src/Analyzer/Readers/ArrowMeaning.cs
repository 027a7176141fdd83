namespace Conformance.Analyzer.Readers;

/// <summary>
/// Which way a transcript's arrows point. Writers use a pair both ways (<c>&lt;-- AT+CSQ</c> / <c>--&gt; OK</c>),
/// so the arrow that carries the AT commands is the host's. When the arrows say nothing consistent (one arrow
/// for everything, commands on both sides), each line goes by its text: an AT command is the host's, the rest
/// the module's (<see cref="DirectionGuess"/>). A single <c>&gt;</c> or <c>&lt;</c> (<see cref="TranscriptTag.IsSingle"/>) is a mark
/// only when the log uses it as one: it carries commands one way and not the other; else it is the line's own text.
/// </summary>
internal sealed class ArrowMeaning
{
    private readonly Dictionary<string, (int Commands, int Other)> seen = [];
    private string? lastSent;

    /// <summary>Counts a marked line while the meaning is being learned (an echo of the line before is not a command).</summary>
    public void Learn(string arrow, string data)
    {
        var command = IsCommand(data) && data != lastSent;
        lastSent = command ? data : null;
        var (commands, other) = seen.GetValueOrDefault(arrow);
        seen[arrow] = command ? (commands + 1, other) : (commands, other + 1);
    }

    private static bool IsCommand(string data) => DirectionGuess.StartsWithAt(System.Text.Encoding.UTF8.GetBytes(data.Length > 3 ? data[..3] : data));

    /// <summary>The direction of a line with this arrow, or null when the line's text decides.</summary>
    public LogDirection? Of(string arrow)
    {
        var partner = TranscriptTag.Partner(arrow);
        var (mine, theirs) = (seen.GetValueOrDefault(arrow), seen.GetValueOrDefault(partner));
        // No command under either arrow: the pair says the usual, but an arrow alone on every line (an Arduino
        // monitor's `->`, whatever the MCU printed) says nothing, and the text decides.
        if (mine.Commands + theirs.Commands == 0) return TranscriptTag.IsSingle(arrow) || theirs == default ? null : TranscriptTag.Arrows[arrow];
        var mineSends = mine.Commands > theirs.Commands || (mine.Commands == theirs.Commands && TranscriptTag.Arrows[arrow] == LogDirection.ToModule);
        var (send, receive) = mineSends ? (mine, theirs) : (theirs, mine);
        var consistent = receive.Commands * 4 <= send.Commands && (receive.Other > 0 || send.Other == 0);
        return !consistent ? null : mineSends ? LogDirection.ToModule : LogDirection.FromModule;
    }

    // Lines seen while learning, and the first arrow among them.
    private int lines;
    private string? firstArrow;

    /// <summary>Lines without an arrow after which a log is taken to have none (its marks are words, or it has none).</summary>
    public const int UnmarkedLines = 20;

    /// <summary>Counts a line while the meaning is being learned, marked with <paramref name="arrow"/> or not (null).</summary>
    public void Note(string? arrow, string data)
    {
        lines++;
        if (arrow is null) return;
        firstArrow ??= arrow;
        Learn(arrow, data);
    }

    /// <summary>
    /// True once enough is known to read the lines noted so far and the ones after them: the first arrow and its partner
    /// were seen and say which way each goes, or <see cref="UnmarkedLines"/> lines came without one. A live log is then
    /// shown as it comes, not after a whole window of lines.
    /// </summary>
    public bool Decided => firstArrow is { } first ? Settled(first) : lines >= UnmarkedLines;

    private bool Settled(string arrow) => seen.ContainsKey(arrow) && seen.ContainsKey(TranscriptTag.Partner(arrow)) && Of(arrow) is not null;

    /// <summary>True when the single marks <c>&gt;</c> and <c>&lt;</c> say which way their lines went (see <see cref="Of"/>).</summary>
    public bool SingleMarksMeanDirections => Of(">") is not null && Of("<") is not null;
}
