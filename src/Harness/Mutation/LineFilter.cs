using System.Text;

namespace Conformance.Harness.Mutation;

/// <summary>
/// Sees every line the module writes, in order, and decides what the harness gets instead: the line, nothing,
/// two lines, a rewritten line, or the line later. Lines are text in Latin-1, one char per byte, so a rewrite
/// never damages binary payloads. It also sees every command line the host sends.
/// </summary>
public abstract class LineFilter
{
    /// <summary>The last command line the host sent (<c>AT+MQTTSUB="t",1</c>), empty before the first.</summary>
    public string LastCommand { get; private set; } = "";

    /// <summary>A host command line, before the module answers it.</summary>
    public virtual void OnCommand(string line) => LastCommand = line;

    /// <summary>One module line (without its <c>\r\n</c> framing); write what the harness gets to <paramref name="output"/>.</summary>
    public abstract void OnLine(string line, ILineOutput output);

    /// <summary>Latin-1: bytes and chars one to one.</summary>
    public static readonly Encoding Bytes = Encoding.Latin1;
}

/// <summary>Where a <see cref="LineFilter"/> writes the module lines the harness gets.</summary>
public interface ILineOutput
{
    void Line(string text);

    /// <summary>The line after <paramref name="delay"/> on the run's clock; lines written meanwhile overtake it.</summary>
    void Later(string text, TimeSpan delay);
}
