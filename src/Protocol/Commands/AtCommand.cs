using Conformance.Protocol.Secrets;

namespace Conformance.Protocol.Commands;

/// <summary>A command line the host sends to the module, in the manual's canonical form.</summary>
public abstract record AtCommand
{
    /// <summary>The name as written after <c>AT</c>: <c>+MQTTCFG</c>, <c>+CSQ</c>, <c>E</c> for ATE, empty for AT.</summary>
    public abstract string Name { get; }

    /// <summary>The manual section that defines the command, e.g. <c>1.1</c>; power-on checks are <c>4.1</c>.</summary>
    public abstract string Section { get; }

    /// <summary>The command line without terminator: strings quoted, numbers bare.</summary>
    public abstract string Format();

    /// <summary>The command line with what the <see cref="SecretPolicy"/> finds replaced by <c>***</c>, safe for logs and reports.</summary>
    public string FormatRedacted() => SecretPolicy.Redact(Format());

    private protected string Action() => $"AT{Name}";

    private protected string Read() => $"AT{Name}?";

    private protected string Set(params string[] arguments) => $"AT{Name}={string.Join(',', arguments)}";

    private protected static string Quoted(string value) => $"\"{value}\"";

    private protected static string Bit(bool value) => value ? "1" : "0";
}
