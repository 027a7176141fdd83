namespace Conformance.Protocol.Commands;

/// <summary>A broken argument rule, and where in the value it breaks (-1: the value as a whole).</summary>
internal readonly record struct Broken(string Rule, int At = -1)
{
    /// <summary>Throws for a builder argument that breaks a rule.</summary>
    public static void Throw(string argument, Broken? broken)
    {
        if (broken is { } b) throw new AtArgumentException(argument, b.Rule);
    }
}
