using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary><c>+CEREG: &lt;n&gt;,&lt;stat&gt;[,&lt;tac&gt;,&lt;ci&gt;[,&lt;AcT&gt;]]</c>: EPS registration state (manual §4.1).</summary>
/// <param name="N">The unsolicited report setting of <c>AT+CEREG=&lt;n&gt;</c>.</param>
/// <param name="Stat">0 not searching, 1 home, 2 searching, 3 denied, 4 unknown, 5 roaming.</param>
/// <param name="Tac">Tracking area code (hex) when n ≥ 2.</param>
/// <param name="CellId">Cell id (hex) when n ≥ 2.</param>
/// <param name="AccessTechnology">Access technology (9 = NB-IoT) when reported.</param>
public sealed record Registration(int N, int Stat, string? Tac = null, string? CellId = null, int? AccessTechnology = null)
    : InformationResponse
{
    /// <summary>Registered on the home network (1) or roaming (5); the manual's §4.1 check.</summary>
    public bool IsRegistered => Registers(Stat);

    /// <summary>True when <paramref name="stat"/> says the module is registered: home (1) or roaming (5).</summary>
    public static bool Registers(int stat) => stat is 1 or 5;

    /// <summary>What a stat means, in 3GPP TS 27.007's words.</summary>
    public static string Meaning(int stat) => stat switch
    {
        0 => "not registered, not searching",
        1 => "registered, home network",
        2 => "not registered, searching",
        3 => "registration denied",
        5 => "registered, roaming",
        _ => "unknown",
    };

    public override string Format(Dialect dialect)
    {
        var arguments = $"{N},{Stat}";
        if (Tac is not null || CellId is not null) arguments += $",\"{Tac}\",\"{CellId}\"";
        if (AccessTechnology is int act) arguments += $",{act}";
        return ResponseText.Line("+CEREG", dialect, arguments);
    }

    // Fields after AcT (reject cause, PSM timers) are accepted and not kept.
    internal static Registration Read(ResponseReader reader)
    {
        reader.Split("4.1", 2, 10);
        var n = reader.Int(0, "n", 0, 5);
        var stat = reader.Int(1, "stat", 0, 5);
        string? Optional(int index) => reader.Has(index) && reader.Text(index).Length > 0 ? reader.Text(index) : null;
        int? act = reader.Has(4) && reader.Text(4).Length > 0 ? reader.Int(4, "AcT", 0, 9) : null;
        return new Registration(n, stat, Optional(2), Optional(3), act);
    }
}
