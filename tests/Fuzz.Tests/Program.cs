using System.Diagnostics;
using System.Globalization;
using Conformance.Fuzz.Tests.Engine;
using Conformance.Fuzz.Tests.Targets;

namespace Conformance.Fuzz.Tests;

/// <summary>
/// A long fuzzing run (<c>tests/Fuzz.Tests/run --minutes N</c>): every target in turn, time sliced, inputs showing new
/// behaviour and failing inputs saved to the corpus, a summary line appended to the run log.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var minutes = 10.0;
        string? only = null;
        var corpusRoot = Path.Combine(AppContext.BaseDirectory, "Corpus");
        string? logFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--minutes" when i + 1 < args.Length: minutes = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--target" when i + 1 < args.Length: only = args[++i]; break;
                case "--corpus" when i + 1 < args.Length: corpusRoot = args[++i]; break;
                case "--log" when i + 1 < args.Length: logFile = args[++i]; break;
                default:
                    Console.Error.WriteLine($"fuzz: unknown argument '{args[i]}'; usage: run [--minutes N] [--target NAME] [--corpus DIR] [--log FILE]");
                    return 2;
            }
        }
        var targets = AllTargets.Create().Where(t => only is null || t.Name == only).ToList();
        if (targets.Count == 0)
        {
            Console.Error.WriteLine($"fuzz: no target '{only}'; targets: {string.Join(", ", AllTargets.Create().Select(t => t.Name))}");
            return 2;
        }

        var corpus = new Corpus(corpusRoot);
        var fuzzers = targets.Select(t => new Fuzzer(t, corpus, save: true)).ToList();
        var clock = Stopwatch.StartNew();
        var budget = TimeSpan.FromMinutes(minutes);
        var failed = new List<string>();
        foreach (var fuzzer in fuzzers)
        {
            try { fuzzer.Replay(); }
            catch (AssertionException e) { failed.Add($"{fuzzer.Target.Name}: corpus replay: {e.Message}"); }
        }
        // Slices of at most a minute, round robin, so every target gets time and picks up what the others saved meanwhile.
        var slice = Math.Max(5, (int)Math.Min(60, budget.TotalSeconds / fuzzers.Count));
        while (clock.Elapsed < budget)
        {
            foreach (var fuzzer in fuzzers)
            {
                var left = (int)(budget - clock.Elapsed).TotalSeconds;
                if (left < 1) break;
                var crashes = fuzzer.Crashes;
                try
                {
                    fuzzer.Run(seconds: Math.Min(slice, left));
                }
                catch (Exception e)
                {
                    failed.Add($"{fuzzer.Target.Name}: {e.Message.Split('\n')[0]}");
                }
                Console.WriteLine($"{clock.Elapsed:hh\\:mm\\:ss} {fuzzer.Target.Name,-15} tried {fuzzer.Tried,9:N0}  saved {fuzzer.Saved,4}  crashes {fuzzer.Crashes - crashes}");
            }
        }

        var tried = fuzzers.Sum(f => f.Tried);
        var crashCount = fuzzers.Sum(f => f.Crashes) + failed.Count(f => f.Contains("corpus replay", StringComparison.Ordinal));
        var summary = $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}\t{clock.Elapsed.TotalMinutes:F1} min\t{tried} inputs\t{crashCount} crashes\t{fuzzers.Sum(f => f.Saved)} saved";
        Console.WriteLine(summary);
        foreach (var failure in failed) Console.WriteLine("FAILED " + failure);
        if (logFile is not null) File.AppendAllText(logFile, summary + "\n");
        return failed.Count == 0 ? 0 : 1;
    }
}
