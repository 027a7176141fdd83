namespace Conformance.Protocol.Commands;

/// <summary>A command argument breaks a rule of the manual, e.g. <c>qos: must be 0, 1 or 2 (got 3)</c>.</summary>
public sealed class AtArgumentException : ArgumentException
{
    public AtArgumentException(string argument, string rule) : base($"{argument}: {rule}", argument)
    {
        Argument = argument;
        Rule = rule;
    }

    /// <summary>The argument's name.</summary>
    public string Argument { get; }

    /// <summary>The rule it breaks, with the offending value.</summary>
    public string Rule { get; }

    public override string Message => $"{Argument}: {Rule}";
}
