namespace Conformance.Fuzz.Tests.Engine;

/// <summary>The memory properties: what one input may allocate, measured on the calling thread.</summary>
public static class Bounds
{
    /// <summary>
    /// Runs <paramref name="work"/> and asserts it allocated at most <paramref name="perByte"/> bytes per input byte
    /// plus <paramref name="fixedBytes"/>: linear in the input, so a quadratic copy or an unbounded buffer shows.
    /// </summary>
    /// <remarks>
    /// The first run of a code path also allocates its static tables; a repeatable <paramref name="work"/> over the
    /// limit is run once more and judged by that second run.
    /// </remarks>
    public static void Allocation(string what, int inputLength, long perByte, long fixedBytes, Action work, bool repeatable = true)
    {
        var limit = perByte * inputLength + fixedBytes;
        var used = Measure(work);
        if (used > limit && repeatable) used = Measure(work);
        if (used > limit)
            Assert.Fail($"{what} allocated {used:N0} bytes for {inputLength:N0} input bytes (limit {perByte}/byte + {fixedBytes:N0})");
    }

    private static long Measure(Action work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
