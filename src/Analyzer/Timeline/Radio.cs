using Conformance.Protocol.Responses;
using RegistrationState = Conformance.Protocol.Responses.Registration;

namespace Conformance.Analyzer.Timeline;

/// <summary>
/// What the log last showed of the radio: the signal (<c>+CSQ</c>) and the network registration (<c>+CEREG</c>). A
/// connection that drops, an open that fails or an ACK that does not come is told with it, so the reader sees at
/// once whether the radio may be why, or is not.
/// </summary>
internal sealed class Radio
{
    // 3GPP TS 27.007 rssi 10 is -93 dBm: below it NB-IoT modules' guides call the signal weak, from 15 (-83 dBm) good.
    private const int Weak = 10, Good = 15;

    private (SignalQuality Signal, Stamp At)? _signal;

    /// <summary>The last registration state the log showed, and where; null before any.</summary>
    public (int Stat, Stamp At)? Registration { get; private set; }

    /// <summary>An answer to <c>AT+CSQ</c>.</summary>
    public void Signal(SignalQuality signal, Stamp at) => _signal = (signal, at);

    /// <summary>A registration state, answered to <c>AT+CEREG?</c> or reported by <c>+CEREG</c>.</summary>
    public void Registered(int stat, Stamp at) => Registration = (stat, at);

    /// <summary>
    /// "; the radio before it: -103 dBm, weak (+CSQ: 5,99 at line 40, 2 min before)", with the registration when the
    /// module was not registered; nothing when the log showed neither before <paramref name="at"/>.
    /// </summary>
    public string Before(Stamp at)
    {
        var parts = new List<string>(2);
        if (_signal is var (signal, read))
        {
            var level = signal.Dbm is not { } dbm ? "no signal detected"
                : $"{dbm} dBm, {(signal.Rssi < Weak ? "weak" : signal.Rssi < Good ? "fair" : "good")}";
            parts.Add($"{level} (+CSQ: {signal.Rssi},{signal.Ber} at line {read.Line}{Ago(read, at)})");
        }
        if (Registration is var (stat, registered) && !RegistrationState.Registers(stat))
            parts.Add($"{RegistrationState.Meaning(stat)} (+CEREG stat {stat} at line {registered.Line}{Ago(registered, at)})");
        return parts.Count == 0 ? "" : $"; the radio before it: {string.Join(", ", parts)}";
    }

    // Whole units, rounded down: "2 min before" for 2 min 30 s.
    private static string Ago(Stamp then, Stamp now) => now.MillisecondsSince(then) is not { } ms ? ""
        : ms < 60_000 ? $", {(long)(ms / 1000)} s before"
        : ms < 3_600_000 ? $", {(long)(ms / 60_000)} min before"
        : $", {(long)(ms / 3_600_000)} h before";
}
