using System.Text;
using CsCheck;

namespace Conformance.Fuzz.Tests.Engine;

/// <summary>The generators of fuzz inputs: random bytes, mutants of seeds and saved inputs, a target's structured inputs, long inputs.</summary>
public static class Inputs
{
    private static readonly Gen<Mutation> Mutation = Gen.Select(Gen.Int[0, Engine.Mutation.Ops - 1], Gen.UInt, Gen.UInt, (op, a, b) => new Mutation(op, a, b));

    /// <summary>Sizes of the chunks a stream is fed in: often tiny (a byte at a time shows most boundary bugs).</summary>
    public static readonly Gen<int[]> Chunks = Gen.Frequency(
        (2, Gen.Const(Array.Empty<int>())),
        (1, Gen.Const(new[] { 1 })),
        (5, Gen.Int[1, 80].Array[1, 12]));

    /// <summary>Printable ASCII with line ends: text that is not the protocol.</summary>
    public static readonly Gen<byte[]> Text = Gen.Frequency((30, Gen.Byte[0x20, 0x7E]), (3, Gen.Const((byte)'\r')), (3, Gen.Const((byte)'\n')), (1, Gen.Byte))
        .Array[0, 400];

    /// <summary>Every kind of input for a target whose mutations start from <paramref name="seeds"/>.</summary>
    public static Gen<FuzzInput> For(FuzzTarget target, IReadOnlyList<byte[]> seeds)
    {
        var mutant = Gen.Select(Gen.Int[0, seeds.Count - 1], Mutation.Array[1, 12], (i, edits) => Mutate(seeds[i], edits, seeds));
        var repeated = Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[50, 2000], (i, times) => Repeat(seeds[i], times));
        var bytes = Gen.Frequency(
            (2, Gen.Byte.Array[0, 300]),
            (2, Text),
            (7, mutant),
            (4, target.Structured),
            (2, target.Structured.SelectMany(s => Mutation.Array[1, 6].Select(edits => Mutate(s, edits, seeds)))),
            (1, repeated));
        return Gen.Select(bytes, Chunks, (data, chunks) => new FuzzInput(data, chunks));
    }

    public static byte[] Mutate(byte[] seed, Mutation[] edits, IReadOnlyList<byte[]> others)
    {
        var data = new List<byte>(seed);
        foreach (var edit in edits) edit.Apply(data, others);
        return [.. data];
    }

    /// <summary>A seed many times over, each copy ending its line: long, realistic input for the memory bounds.</summary>
    private static byte[] Repeat(byte[] seed, int times)
    {
        var line = seed.Length > 0 && seed[^1] is (byte)'\n' or (byte)'\r' ? seed : [.. seed, (byte)'\r', (byte)'\n'];
        var result = new byte[Math.Min(line.Length * times, 256 * 1024)];
        for (var at = 0; at < result.Length; at += line.Length) line.AsSpan(0, Math.Min(line.Length, result.Length - at)).CopyTo(result.AsSpan(at));
        return result;
    }

    /// <summary>Lines drawn from a grammar's pieces, each with a line end of the kinds seen in the field.</summary>
    public static Gen<byte[]> Lines(Gen<string> line, int maxLines = 30) =>
        Gen.Select(line, Gen.OneOf("\r\n", "\r\n", "\r\n", "\n", "\r", "\r\r\n", "")).Array[1, maxLines]
            .Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts.Select(p => p.Item1 + p.Item2))));
}
