using System.Text;

namespace Conformance.Cli;

/// <summary>A text writer over another whose every write goes through <see cref="Guard"/>, which decides what a failure becomes.</summary>
internal abstract class GuardedWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    /// <summary>Runs one write of the inner writer.</summary>
    protected abstract void Guard(Action write);
}
