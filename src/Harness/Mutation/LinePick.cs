namespace Conformance.Harness.Mutation;

/// <summary>Chooses the module lines a mutant alters: the line, and the last command the host sent.</summary>
public delegate bool LinePick(string line, string lastCommand);

/// <summary>Common picks, in the protocol's words.</summary>
public static class Pick
{
    /// <summary>Lines named <paramref name="name"/>: <c>+MQTTSUBACK</c> picks <c>+MQTTSUBACK: 1,1,"t"</c>.</summary>
    public static LinePick Named(string name) => (line, _) => line.StartsWith(name + ":", StringComparison.Ordinal);

    /// <summary>Exactly the line <paramref name="text"/>.</summary>
    public static LinePick Is(string text) => (line, _) => line == text;

    /// <summary>Lines answering a command that starts with <paramref name="command"/> (<c>AT+MQTTSUB=</c>).</summary>
    public static LinePick AnsweringTo(string command, LinePick line) =>
        (text, last) => last.StartsWith(command, StringComparison.OrdinalIgnoreCase) && line(text, last);
}
