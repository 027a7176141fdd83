namespace Conformance.Corpora;

/// <summary>
/// Generates module-output corpora deterministically (fixed seeds, invariant formatting), so every run and
/// every machine reads the same bytes.
/// </summary>
public static class ModuleOutput
{
    /// <summary>Size of the corpora <see cref="Get"/> returns: tens of MB, as the benchmarks need.</summary>
    public const int DefaultSize = 32 * 1024 * 1024;

    private static readonly Lazy<Corpus>[] Generated =
        [.. Enum.GetValues<CorpusKind>().Select(kind => new Lazy<Corpus>(() => Generate(kind, DefaultSize)))];

    /// <summary>The corpus of <paramref name="kind"/> at <see cref="DefaultSize"/>, generated once per process.</summary>
    public static Corpus Get(CorpusKind kind) => Generated[(int)Checked(kind)].Value;

    /// <summary>
    /// A corpus of <paramref name="kind"/> of at least <paramref name="size"/> bytes: whole exchanges are written
    /// until the size is reached, so it ends with a line end. The same arguments give the same bytes.
    /// </summary>
    public static Corpus Generate(CorpusKind kind, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var writer = new CorpusWriter(size);
        Action<CorpusWriter, int> write = Checked(kind) switch
        {
            CorpusKind.Typical => TypicalSession.Write,
            CorpusKind.UrcFlood => UrcFlood.Write,
            CorpusKind.LongHex => LongHex.Write,
            _ => NoisyCapture.Write,
        };
        write(writer, size);
        return writer.ToCorpus(kind);
    }

    private static CorpusKind Checked(CorpusKind kind) => Enum.IsDefined(kind)
        ? kind
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind must be one of {string.Join(", ", Enum.GetNames<CorpusKind>())}");
}
