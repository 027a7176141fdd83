using CsCheck;
using NUnit.Framework.Internal;

namespace Conformance.Fuzz.Tests.Engine;

/// <summary>
/// Runs one target's properties over generated inputs, with CsCheck: a fixed seed and count for the tests, a time
/// budget for a long run, where inputs showing new behaviour and failing inputs go to the corpus.
/// </summary>
public sealed class Fuzzer(FuzzTarget target, Corpus corpus, bool save)
{
    private static readonly int[][] ReplayChunkings = [[], [1], [3], [7, 1, 64]];

    private IEnumerable<int[]> Chunkings => target.Streams ? ReplayChunkings : ReplayChunkings.Take(1);
    private readonly HashSet<string> _known = [];

    public FuzzTarget Target => target;

    /// <summary>Inputs checked so far (generated, replayed and shrunk).</summary>
    public long Tried { get; private set; }

    /// <summary>Inputs saved to the corpus for new behaviour.</summary>
    public int Saved { get; private set; }

    /// <summary>Kinds of failure found (a failure shrunk to a smaller input counts once).</summary>
    public int Crashes => _crashFiles.Count;

    private readonly HashSet<string> _crashFiles = [];

    /// <summary>The seeds and the saved inputs, whole and in several chunkings; a failure throws.</summary>
    public void Replay()
    {
        foreach (var seed in target.Seeds)
            foreach (var chunks in Chunkings) Check(new FuzzInput(seed, chunks), "seed");
        foreach (var file in corpus.Files(target))
        {
            var saved = Corpus.Load(file);
            foreach (var chunks in Chunkings.Append(saved.Chunks).DistinctBy(c => string.Join(",", c))) Check(saved with { Chunks = chunks }, Path.GetFileName(file));
        }
    }

    /// <summary>
    /// <paramref name="count"/> inputs generated from a fixed random seed: the same inputs on every run and machine
    /// (CsCheck's own sampling draws a fresh seed after the first input).
    /// </summary>
    public void RunFixed(ulong seed, int count)
    {
        var gen = Inputs.For(target, Mutable());
        var random = new PCG(1, seed);
        for (var i = 0; i < count; i++) Check(gen.Generate(random, null, out _), $"input {i} of seed {seed}");
    }

    /// <summary>Generated inputs for <paramref name="seconds"/>, shrinking a failure to a small input.</summary>
    public void Run(int seconds)
    {
        Inputs.For(target, Mutable()).Sample(input =>
        {
            Tried++;
            var behaviour = new Behaviour();
            try
            {
                Isolated(() => target.Check(input, behaviour));
            }
            catch (Exception e) when (save)
            {
                _crashFiles.Add(corpus.SaveCrash(target, input, e));
                throw;
            }
            var isNew = false;
            foreach (var feature in behaviour.Features) isNew |= _known.Add(feature);
            if (isNew && save && corpus.SaveBehaviour(target, input.Data)) Saved++;
        }, time: seconds, threads: 1, print: input => input.ToString());
    }

    /// <summary>Runs a check in its own NUnit context: a failure reports this input alone, not the failures of earlier ones.</summary>
    private static void Isolated(Action check)
    {
        using var context = new TestExecutionContext.IsolatedContext();
        check();
    }

    private List<byte[]> Mutable() => [.. target.Seeds, .. corpus.Files(target).Select(File.ReadAllBytes)];

    private void Check(FuzzInput input, string what)
    {
        Tried++;
        var behaviour = new Behaviour();
        try
        {
            Isolated(() => target.Check(input, behaviour));
        }
        catch (Exception e)
        {
            var message = e.Message.Length > 3000 ? e.Message[..3000] + "…" : e.Message;
            throw new AssertionException($"{target.Name}: {what}, {input.Data.Length} bytes in chunks [{string.Join(",", input.Chunks)}]: {message}\ninput: {Convert.ToHexString(input.Data.AsSpan(0, Math.Min(input.Data.Length, 2048)))}", e);
        }
        foreach (var feature in behaviour.Features) _known.Add(feature);
    }
}
