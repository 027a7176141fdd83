namespace Conformance.Protocol.Errors;

/// <summary>The <c>+CME ERROR</c> codes the M5310-A reports (spec §5, manual chapter 2 and §1.7).</summary>
public static class CmeErrors
{
    /// <summary>Meaning given to codes that the manual and the module family's generic table do not list.</summary>
    public const string NotInTable = "not in the manual's table";

    // OneNET codes come from the manual's chapter 2 table; 3 is used by §1.7; the rest are the generic
    // 3GPP codes that chapter 2 refers to, worded as 3GPP TS 27.007 words them (the verbose form).
    private static readonly CmeError[] Table =
    [
        new(0, "phone failure", "2.1"),
        new(3, "operation not allowed", "1.7"),
        new(4, "operation not supported", "2.1"),
        new(10, "SIM not inserted", "2.1"),
        new(30, "no network service", "2.1"),
        new(31, "network timeout", "2.1"),
        new(50, "incorrect parameters", "2.1"),
        new(100, "unknown", "2.1"),
        new(601, "command syntax error", "2.1"),
        new(602, "device not registered, registering or already registered (wrong state for the command)", "2.1"),
        new(651, "operation not allowed (OneNET)", "2.1"),
        new(652, "uplink busy", "2.1"),
        new(653, "resource operation error", "2.1"),
    ];

    private static readonly Dictionary<int, CmeError> ByCode = Table.ToDictionary(e => e.Code);

    /// <summary>Every known code, in ascending order.</summary>
    public static IReadOnlyList<CmeError> All => Table;

    /// <summary>The entry for <paramref name="code"/>; an unknown code gets the meaning <see cref="NotInTable"/>.</summary>
    public static CmeError Describe(int code) =>
        ByCode.TryGetValue(code, out var error) ? error : new CmeError(code, NotInTable, "2.1");

    /// <summary>The code whose meaning is <paramref name="text"/> (verbose error mode), ignoring case.</summary>
    public static CmeError? FindByMeaning(string text) =>
        Array.Find(Table, e => string.Equals(e.Meaning, text.Trim(), StringComparison.OrdinalIgnoreCase));
}
