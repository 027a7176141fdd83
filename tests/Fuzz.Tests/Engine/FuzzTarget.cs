using System.Text;
using CsCheck;

namespace Conformance.Fuzz.Tests.Engine;

/// <summary>
/// One byte entry point under fuzzing: the hand-written inputs mutations start from, a generator that knows the
/// entry point's structure, and the properties every input must keep (checked by <see cref="Check"/>).
/// </summary>
public abstract class FuzzTarget
{
    /// <summary>The target's name: its corpus folder and its name on the command line.</summary>
    public abstract string Name { get; }

    /// <summary>Hand-written inputs in the conventions the entry point meets in the field.</summary>
    public abstract IReadOnlyList<byte[]> Seeds { get; }

    /// <summary>Inputs built from the entry point's grammar (lines, fields, records), not from bytes.</summary>
    public abstract Gen<byte[]> Structured { get; }

    /// <summary>
    /// Runs one input, streamed in the given chunks where the entry point streams, and asserts its properties
    /// (an unexpected exception fails too). Notes what the input made the entry point do into <paramref name="behaviour"/>.
    /// </summary>
    public abstract void Check(FuzzInput input, Behaviour behaviour);

    /// <summary>True when the entry point streams, so a saved input is replayed in several chunkings too.</summary>
    public virtual bool Streams => true;

    /// <summary>How many generated inputs the short test runs: enough for a few seconds.</summary>
    public virtual int ShortIterations => 400;

    public override string ToString() => Name;

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static IReadOnlyList<byte[]> AllBytes(IEnumerable<string> texts) => [.. texts.Select(Bytes)];
}
