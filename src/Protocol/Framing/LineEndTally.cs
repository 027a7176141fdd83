namespace Conformance.Protocol.Framing;

/// <summary>
/// The line ends of a stretch of module output that are not the manual's CR LF, counted by kind with where the first
/// was: what a run says once a scenario and the analyzer once a log (<c>line-end</c>).
/// </summary>
public sealed class LineEndTally
{
    private readonly long[] _counts = new long[Enum.GetValues<LineEnd>().Length];

    /// <summary>How many line ends were not CR LF.</summary>
    public long Count { get; private set; }

    /// <summary>The line (of the log or the trace) of the first; 0 while there is none.</summary>
    public long FirstLine { get; private set; }

    /// <summary>What the first one was.</summary>
    public LineEnd First { get; private set; }

    /// <summary>True for a line end the manual does not write: not CR LF, and not the absence of one.</summary>
    public static bool Deviates(LineEnd kind) => kind is not (LineEnd.None or LineEnd.CrLf);

    /// <summary>Counts <paramref name="kind"/>, a line end that <see cref="Deviates"/>, on line <paramref name="line"/>.</summary>
    public void Add(LineEnd kind, long line)
    {
        if (Count++ == 0) (First, FirstLine) = (kind, line);
        _counts[(int)kind]++;
    }

    /// <summary>Forgets what was counted.</summary>
    public void Clear()
    {
        Array.Clear(_counts);
        (Count, FirstLine, First) = (0, 0, LineEnd.None);
    }

    /// <summary>What was counted, in words: the kinds and how often, the first named by <paramref name="where"/>.</summary>
    public string Describe(string where)
    {
        var kinds = Enum.GetValues<LineEnd>().Where(k => _counts[(int)k] > 0).ToList();
        var which = kinds.Count == 1
            ? $"{Name(First)}{Times(Count)}"
            : string.Join(", ", kinds.Select(k => $"{Name(k)}{Times(_counts[(int)k])}"));
        return $"the module's lines end in {which}, not in CR LF as the manual frames every response; the first ({Name(First)}) {where}";
    }

    private static string Times(long n) => n == 1 ? " (once)" : $" ({n} times)";

    /// <summary>A line end's name in the report's words.</summary>
    public static string Name(LineEnd kind) => kind switch
    {
        LineEnd.CrLf => "CR LF",
        LineEnd.Lf => "LF alone",
        LineEnd.Cr => "CR alone",
        LineEnd.CrCrLf => "CR CR LF",
        _ => "no line end",
    };
}
