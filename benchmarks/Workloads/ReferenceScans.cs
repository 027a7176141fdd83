using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Benchmarks.Workloads;

/// <summary>The two yardsticks the tokenizer is measured against: the fastest possible line scan and a typical tool.</summary>
public static class ReferenceScans
{
    /// <summary>
    /// Counts lines with a vectorised search for the next line end: nothing that looks at every line can be
    /// faster, so this is the limit.
    /// </summary>
    public static int BareScan(byte[] corpus)
    {
        ReadOnlySpan<byte> rest = corpus;
        var lines = 0;
        while (true)
        {
            var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0) return lines + (rest.IsEmpty ? 0 : 1);
            lines++;
            rest = rest[(end + 1)..];
        }
    }

    /// <summary>
    /// What a typical C# tool does: read lines with a <see cref="StreamReader"/>, match each with a regex built
    /// once the ordinary way (<c>new Regex(pattern)</c>, interpreted, as most tools write it).
    /// </summary>
    public static int ReadLineRegex(byte[] corpus)
    {
        using var reader = new StreamReader(new MemoryStream(corpus), Encoding.UTF8);
        var matched = 0;
        while (reader.ReadLine() is { } line)
        {
            if (ResultLine().Match(line) is { Success: true } match && match.Groups["name"].Success) matched++;
        }
        return matched;
    }

    private static readonly Regex ResultLinePattern = new(@"^(?:OK|ERROR|\+CME ERROR:\s*(?<code>\d+)|\+(?<name>[A-Z]+):\s*(?<args>.*))$");

    private static Regex ResultLine() => ResultLinePattern;
}
