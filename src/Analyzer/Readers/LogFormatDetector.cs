namespace Conformance.Analyzer.Readers;

/// <summary>
/// Finds the format of a log by scoring every format over a sample of its first lines (at most
/// <see cref="SampleLines"/> non-empty lines within <see cref="SampleBytes"/>). Formats that look alike line
/// by line are told apart by the weight of evidence over the whole sample; nothing recognisable gives
/// <see cref="LogFormat.Raw"/> with confidence 0. A log pasted with a comment prefix on most lines (an SSCOM
/// capture quoted as <c># [15:37:11.116]发→◇AT</c>) is read without it when that fits a format better; so is a
/// log whose lines were pasted with their numbers (<c>12| AT</c>, <c>0012: AT</c>), and a screen scrape whose lines a
/// console padded to its width (<see cref="ScreenWidth"/>) is read without the padding, whatever its format.
/// </summary>
public static class LogFormatDetector
{
    public const int SampleLines = 200;
    public const int SampleBytes = 64 * 1024;

    /// <summary>Reads a sample from the stream's current position (the stream is left part-read).</summary>
    public static FormatGuess Detect(Stream stream) => Detect(Sample(stream, "stream"));

    /// <summary>Comment prefixes a log is pasted with into notes, tickets and scripts.</summary>
    public static readonly IReadOnlyList<string> CommentPrefixes = ["# ", "// ", "> ", "; "];

    /// <summary>Scores decoded lines; empty ones are ignored.</summary>
    public static FormatGuess Detect(IEnumerable<string> lines)
    {
        var sample = lines.Where(line => line.Trim().Length > 0).Take(SampleLines).ToList();
        // The console's padding is no part of any format: the lines are scored, and read, without it.
        if (ScreenWidth.Of(sample) is var width and > 0)
            return Guess(sample.Select(line => line.TrimEnd(' ')).ToList()) with { PaddedWidth = width };
        // So is a viewer's `^M` for each line's CR.
        if (CaretLineEnd.Ends(sample)) return Guess(sample.Select(CaretLineEnd.Without).ToList()) with { CaretLineEnds = true };
        return Guess(sample);
    }

    private static FormatGuess Guess(List<string> sample)
    {
        using var marks = TranscriptTag.Remembering();
        var readers = new Dictionary<LogFormat, LogReader>();
        var plain = Score(sample, readers);
        // Most lines carrying one prefix: a pasted log, when the lines without it fit a format better.
        foreach (var prefix in CommentPrefixes)
        {
            if (sample.Count(line => line.StartsWith(prefix, StringComparison.Ordinal) || line == prefix.TrimEnd()) * 10 < sample.Count * 6) continue;
            var stripped = Score([.. sample.Select(line => line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..] : line)
                .Where(line => line != prefix.TrimEnd())]);
            if (stripped.Score > plain.Score) return stripped with { CommentPrefix = prefix };
        }
        // Most lines numbered, as an editor or a ticket system shows them: read without the numbers when that fits better.
        if (sample.Count(line => LineNumber.Length<char>(line) > 0) * 10 >= sample.Count * 6)
        {
            var numbered = Score([.. sample.Select(line => line[LineNumber.Length<char>(line)..])]);
            if (numbered.Score > plain.Score) return numbered with { NumberedLines = true };
        }
        if (plain.Score >= 0.9) return plain;
        var best = TrafficRead(readers[plain.Format], sample);
        // Any logger's reading, when no format fits nearly every line (a trace's header, say), and it fits most lines and
        // reads more than twice the lines of traffic the best format reads as its own: a stamp, tag or mark of a kind no
        // tool here writes (`[0000012345] [AT] send: AT+CSQ`, `I (12345) modem: -> AT`).
        var logger = plain.Scores[LogFormat.Logger];
        if (logger >= 0.5 && TrafficRead(readers[LogFormat.Logger], sample).Traffic > 2 * best.Traffic)
            return new FormatGuess(LogFormat.Logger, Math.Clamp(logger - plain.Score / 2, 0, 1), plain.Format, plain.Scores);
        // A reading that finds the host's commands where a raw capture's finds few (`CMD: AT+CSQ` among the module's
        // unmarked lines, which it takes for noise): without them no answer has its command. (Formats that read a record
        // from a header and the lines under it own only the header, so only the raw reading is weighed so.)
        if (plain.Format != LogFormat.Raw) return plain;
        // Any logger's reading is weighed so whatever its score: a firmware's log that prints its commands with its prefix and
        // passes the module's lines through bare (`I (1120) modem: >> AT+CSQ`, then `+CSQ: 20,99`, `OK`) is its own.
        var (format, commands) = plain.Scores.Where(s => s.Key != plain.Format && (s.Value >= 0.5 || s.Key == LogFormat.Logger))
            .Select(s => (s.Key, TrafficRead(readers[s.Key], sample).Commands)).OrderByDescending(c => c.Commands).FirstOrDefault();
        // Its confidence is how much of the host's side it finds that the raw reading misses.
        return commands >= 2 && commands > 2 * best.Commands
            ? new FormatGuess(format, 1 - (best.Commands + 1.0) / (commands + 1.0), plain.Format, plain.Scores) : plain;
    }

    // The lines of traffic in the sample a format, having scored it, takes as its own, and how many of them are AT commands.
    private static (int Traffic, int Commands) TrafficRead(LogReader reader, List<string> sample)
    {
        var (traffic, commands) = (0, 0);
        foreach (var line in sample)
        {
            if (LoggerLine.Find(line) is not { } found || !reader.Owns(line)) continue;
            traffic++;
            if (line.AsSpan(found.Start).StartsWith("AT", StringComparison.OrdinalIgnoreCase)) commands++;
        }
        return (traffic, commands);
    }

    /// <summary>Scores every format on <paramref name="sample"/>; the readers that scored it are left in <paramref name="readers"/> when given.</summary>
    private static FormatGuess Score(List<string> sample, Dictionary<LogFormat, LogReader>? readers = null)
    {
        var scores = Enum.GetValues<LogFormat>().ToDictionary(f => f, f =>
        {
            var reader = LogReaders.Create(f);
            if (readers is not null) readers[f] = reader;
            return reader.Score(sample);
        });
        // Ties go to the earlier format in the enum, with raw last among the real candidates; any logger's reading is
        // weighed apart (Detect), after the formats that know a log's own marks.
        var ranked = scores.Where(s => s.Key != LogFormat.Logger).OrderByDescending(s => s.Value).ThenBy(s => s.Key == LogFormat.Raw).ThenBy(s => s.Key).ToList();
        var (best, runnerUp) = (ranked[0], ranked[1]);
        // VS Code's Serial Monitor's banners, which nothing else writes, are decisive: the other formats read them as text
        // (a stamped reader as its stamped lines).
        if (scores[LogFormat.VsCodeSerial] > 0)
            return new FormatGuess(LogFormat.VsCodeSerial, 1, best.Key == LogFormat.VsCodeSerial ? runnerUp.Key : best.Key, scores);
        if (best.Value == 0) return new FormatGuess(LogFormat.Raw, 0, runnerUp.Key == LogFormat.Raw ? best.Key : runnerUp.Key, scores);
        var confidence = Math.Clamp(best.Value - runnerUp.Value / 2, 0, 1);
        return new FormatGuess(best.Key, confidence, runnerUp.Key, scores);
    }

    internal static List<string> Sample(Stream stream, string file)
    {
        var sample = new List<string>();
        long bytes = 0;
        foreach (var line in LineSplitter.Lines(stream, file, bufferSize: 16 * 1024))
        {
            bytes += line.Content.Length + line.Ending.Length;
            if (bytes > SampleBytes && sample.Count > 0) break;
            if (!line.Content.IsEmpty) sample.Add(line.Text);
            if (sample.Count == SampleLines) break;
        }
        return sample;
    }
}
