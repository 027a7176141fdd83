using Conformance.Protocol.Catalog;
using Conformance.Protocol.Responses;

namespace Conformance.Harness.Dsl;

/// <summary>One URC a step waits for: its type, a condition on its typed value, and what to capture from it.</summary>
public sealed class UrcPattern
{
    private readonly Func<Urc, bool> _match;
    private readonly Action<Urc>? _capture;
    private readonly Func<string> _describe;
    private readonly Func<Urc, bool> _mayMatch;
    private readonly CapturedPacketId? _captures;

    // Described late: a packet id captured at run time belongs in the failure message.
    internal UrcPattern(Func<string> describe, Func<Urc, bool> match, Action<Urc>? capture = null, Type? type = null,
        Func<Urc, bool>? mayMatch = null, CapturedPacketId? captures = null)
    {
        _describe = describe;
        _match = match;
        _capture = capture;
        _mayMatch = mayMatch ?? match;
        _captures = captures;
        UrcType = type;
    }

    /// <summary>The URC type waited for, when the pattern names one.</summary>
    internal Type? UrcType { get; }

    /// <summary>How failure messages name it: <c>+MQTTSUBACK where a.Code == 2</c>.</summary>
    public string Description => _describe();

    /// <summary>A pattern for any <typeparamref name="T"/> meeting <paramref name="condition"/>.</summary>
    public static UrcPattern Of<T>(Func<T, bool>? condition, string? conditionText, Action<T>? capture = null) where T : Urc =>
        Of(condition, () => conditionText ?? "", capture);

    internal static UrcPattern Of<T>(Func<T, bool>? condition, Func<string> conditionText, Action<T>? capture = null,
        Func<T, bool>? mayMatch = null, CapturedPacketId? captures = null) where T : Urc
    {
        var name = ProtocolCatalog.Urc<T>().Name;
        return new UrcPattern(() => condition is null ? name : $"{name} where {conditionText()}", u => u is T t && (condition?.Invoke(t) ?? true),
            capture is null ? null : u => capture((T)u), typeof(T), mayMatch is null ? null : u => u is T t && mayMatch(t), captures);
    }

    internal bool Matches(Urc urc) => _match(urc);

    /// <summary>Whether <paramref name="urc"/> would match once the ids this pattern requires are captured: a URC ahead of its turn.</summary>
    internal bool MayMatch(Urc urc) => _mayMatch(urc);

    internal void Capture(Urc urc) => _capture?.Invoke(urc);

    /// <summary>Clears the id this pattern captures, so that a scenario run again captures afresh.</summary>
    internal void ForgetCapture()
    {
        if (_captures is not null) _captures.Value = null;
    }

    /// <summary>This URC, then <paramref name="next"/>: the protocol fixes their order.</summary>
    public UrcSequence Before(UrcPattern next) => new UrcSequence(this).Before(next);

    public override string ToString() => Description;
}
