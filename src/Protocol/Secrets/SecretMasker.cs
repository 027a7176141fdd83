using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Protocol.Secrets;

/// <summary>
/// Applies the <see cref="SecretPolicy"/> to the text of one run or one log: masks what the rules find, the
/// secrets the run knows, and every value it has learned from the rules since. Thread-safe.
/// </summary>
public sealed class SecretMasker
{
    /// <summary>A known secret shorter than this is not masked: one character would mask half the output.</summary>
    public const int MinKnown = 2;

    /// <summary>A value found by the rules is remembered from this length on; shorter ones would mask unrelated text.</summary>
    public const int MinLearned = 4;

    /// <summary>At the end of a chunk, this many leading characters of a secret are masked before the rest arrives.</summary>
    public const int MinPartial = 4;

    // Every value costs a search per line: a log with more distinct secrets is not a credential store.
    private const int MaxValues = 64;

    // Spans of the line being masked, reused: most lines hold no secret and then cost no allocation.
    [ThreadStatic] private static List<SecretSpan>? t_spans;

    // Lines found to hold no secret, per thread, by identity: the masker and the known values they were checked against.
    private const int CleanSlots = 256;
    private readonly record struct CleanLine(SecretMasker Masker, string[] Known, string Text);
    [ThreadStatic] private static CleanLine[]? t_clean;

    private readonly Lock _gate = new();
    private readonly List<string> _values = [];
    // What _values holds, read without the lock by every line: replaced whole (under the lock) when a value is learned.
    private volatile string[] _known = [];

    /// <summary>A masker for the given <paramref name="known"/> secrets; <paramref name="show"/> (<c>--show-secrets</c>) turns it off.</summary>
    public SecretMasker(IEnumerable<string>? known = null, bool show = false)
    {
        Shows = show;
        foreach (var secret in known ?? []) Add(secret);
    }

    /// <summary>A masker that changes nothing (<c>--show-secrets</c>).</summary>
    public static SecretMasker Shown => new(show: true);

    /// <summary>True when secrets are shown as they are.</summary>
    public bool Shows { get; }

    /// <summary>Remembers <paramref name="secret"/>: from now on it is masked wherever it appears.</summary>
    public void Add(string secret) => Remember(secret, MinKnown);

    /// <summary><paramref name="text"/> with every secret replaced by <see cref="SecretPolicy.Mask"/>, line by line.</summary>
    public string Mask(string text)
    {
        if (Shows || text.Length == 0) return text;
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            if (!MayHold(text) || IsClean(text, out var known)) return text;
            var spans = Spans(text, complete: true, t_spans ??= []);
            if (spans.Count == 0) Clean(text, known);
            return spans.Count == 0 ? text : Apply(text, spans, new StringBuilder(text.Length)).ToString();
        }
        var output = new StringBuilder(text.Length);
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            var line = end < 0 ? text[start..] : text.Substring(start, end);
            Apply(line, Spans(line, complete: true, []), output);
            if (end < 0) break;
            output.Append(text[start + end]);
            start += end + 1;
        }
        return output.ToString();
    }

    /// <summary>
    /// True when <paramref name="line"/>, this very string, was found to hold no secret against the values known now
    /// (a reader hands out a line the module repeats word for word as the same string); <paramref name="known"/> is
    /// what to pass to <see cref="Clean"/> if it is checked and found clean.
    /// </summary>
    internal bool IsClean(string line, out string[] known)
    {
        known = _known;
        ref var clean = ref Slot(line);
        return ReferenceEquals(clean.Text, line) && clean.Masker == this && clean.Known == known;
    }

    /// <summary>Remembers that <paramref name="line"/> holds no secret against <paramref name="known"/>.</summary>
    internal void Clean(string line, string[] known) => Slot(line) = new CleanLine(this, known, line);

    private static ref CleanLine Slot(string line) =>
        ref (t_clean ??= new CleanLine[CleanSlots])[RuntimeHelpers.GetHashCode(line) & (CleanSlots - 1)];

    /// <summary>One line of raw bytes (any encoding) with every secret masked.</summary>
    public byte[] Mask(ReadOnlySpan<byte> line)
    {
        if (Shows) return line.ToArray();
        // Latin-1 keeps one character per byte: the rules see the line's ASCII structure, any bytes survive.
        return Encoding.Latin1.GetBytes(Mask(Encoding.Latin1.GetString(line)));
    }

    /// <summary>A masker for one direction of a byte stream, which keeps a secret masked across chunk boundaries.</summary>
    public SecretStream Stream() => new(this);

    /// <summary>
    /// Where the secrets of <paramref name="line"/> are, sorted and merged. Learns the values the rules find, unless
    /// the value may go on (the line is not <paramref name="complete"/>, or its quote is still open at a line end a
    /// stream reads across). With <paramref name="partialAtEnd"/>, a trailing start of a known value counts too.
    /// </summary>
    internal List<SecretSpan> Spans(string line, bool complete, List<SecretSpan> spans, bool partialAtEnd = false)
    {
        spans.Clear();
        SecretPolicy.Find(line, spans);
        foreach (var span in spans)
            if (!span.Unsure && (span.End < line.Length || complete && !(partialAtEnd && OpensQuote(line, span)))) Learn(line.Substring(span.Start, span.Length));
        foreach (var value in _known)
        {
            for (var at = line.IndexOf(value, StringComparison.Ordinal); at >= 0; at = line.IndexOf(value, at + value.Length, StringComparison.Ordinal))
                spans.Add(new SecretSpan(at, value.Length));
            if ((!complete || partialAtEnd) && PrefixAtEnd(line, value) is var length and > 0) spans.Add(new SecretSpan(line.Length - length, length));
        }
        return Merge(spans);
    }

    /// <summary>False when <paramref name="line"/> holds no secret: nothing the rules find, no known value, nor the start of one at its end.</summary>
    internal bool MayHold(string line)
    {
        if (SecretPolicy.MayHold(line)) return true;
        foreach (var value in _known)
            if (line.Contains(value, StringComparison.Ordinal) || PrefixAtEnd(line, value) > 0) return true;
        return false;
    }

    /// <summary>What is left of a known value whose start ends <paramref name="line"/>, or null.</summary>
    internal string? RestOf(string line)
    {
        foreach (var value in _known)
            if (PrefixAtEnd(line, value) is var length and > 0) return value[length..];
        return null;
    }

    /// <summary>True when <paramref name="span"/> is a quoted value still open at the end of <paramref name="line"/>.</summary>
    /// <remarks>A value masked to the line's end for text after its closing quote (<c>"pass"1</c>) is closed.</remarks>
    internal static bool OpensQuote(string line, SecretSpan span) =>
        span.End == line.Length && span.Start > 0 && line[span.Start - 1] == '"' && !ClosesQuote(line.AsSpan(span.Start));

    // A quote in the value that is not escaped as ESP-AT escapes one (`\"`).
    private static bool ClosesQuote(ReadOnlySpan<char> value)
    {
        for (var at = value.IndexOf('"'); at >= 0; at = value.IndexOf('"'))
        {
            if (at == 0 || value[at - 1] != '\\') return true;
            value = value[(at + 1)..];
        }
        return false;
    }

    internal void Learn(string value)
    {
        Remember(value, MinLearned);
        // An unquoted credential that holds commas (`pa55,word`) is several fields to a parser: its messages quote a piece.
        if (value.Contains(',')) foreach (var piece in value.Split(',', StringSplitOptions.TrimEntries)) Remember(piece, MinLearned);
    }

    internal static StringBuilder Apply(string line, List<SecretSpan> spans, StringBuilder output)
    {
        var at = 0;
        foreach (var span in spans)
        {
            output.Append(line, at, span.Start - at).Append(SecretPolicy.Mask);
            at = span.End;
        }
        return output.Append(line, at, line.Length - at);
    }

    // How many leading characters of value end the line (at least MinPartial, never all of it), or 0.
    private static int PrefixAtEnd(string line, string value)
    {
        if (line.Length == 0) return 0;
        var last = line[^1];
        for (var length = Math.Min(value.Length - 1, line.Length); length >= MinPartial; length--)
            if (value[length - 1] == last && line.AsSpan(line.Length - length).SequenceEqual(value.AsSpan(0, length))) return length;
        return 0;
    }

    // Sorts and joins overlapping spans in place: a value inside another secret is masked with it.
    internal static List<SecretSpan> Merge(List<SecretSpan> spans)
    {
        if (spans.Count < 2) return spans;
        spans.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.Length.CompareTo(x.Length));
        var kept = 0;
        for (var i = 1; i < spans.Count; i++)
        {
            var last = spans[kept];
            if (spans[i].Start <= last.End) spans[kept] = last with { Length = Math.Max(last.End, spans[i].End) - last.Start };
            else spans[++kept] = spans[i];
        }
        spans.RemoveRange(kept + 1, spans.Count - kept - 1);
        return spans;
    }

    // A value is kept as written, as its UTF-8 bytes read one per character (how a byte stream is scanned), so a
    // secret learned from a report line is also found in raw bytes and the other way round, and without its escapes.
    private void Remember(string value, int minLength)
    {
        if (value.Length < minLength || value.AsSpan().IndexOfAnyExcept('*') < 0) return;
        var bytes = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(value));
        string? text = null;
        if (value.AsSpan().IndexOfAnyExceptInRange('\0', '\u00FF') < 0)
        {
            try { text = new UTF8Encoding(false, true).GetString(Encoding.Latin1.GetBytes(value)); }
            catch (DecoderFallbackException) { }
        }
        // Escaped as ESP-AT writes a value (`pa\"ss`): the module shows it unescaped elsewhere (`pa"ss`).
        var unescaped = value.Contains('\\') ? Regex.Replace(value, @"\\(.)", "$1") : null;
        if (unescaped is { Length: < MinKnown }) unescaped = null;
        lock (_gate)
        {
            var count = _values.Count;
            foreach (var form in new[] { value, bytes, text, unescaped })
                if (form is not null && _values.Count < MaxValues && !_values.Contains(form)) _values.Add(form);
            if (_values.Count == count) return;
            // Longest first: a value that contains another is masked whole.
            _values.Sort((a, b) => b.Length.CompareTo(a.Length));
            _known = [.. _values];
        }
    }
}
