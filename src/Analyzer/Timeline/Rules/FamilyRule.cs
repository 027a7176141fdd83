using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Families;
using Conformance.Protocol.Syntax;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// Commands of another module family (Quectel, ESP-AT, SIM800…): one note per family, since their exchanges are
/// timed but not checked against the M5310-A manual. Owns <c>other-family</c>.
/// </summary>
internal sealed class FamilyRule(DiagnosticLog diagnostics) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.OtherFamily];

    private readonly List<ModuleFamily> _families = [];

    /// <summary>True once a line of another family was seen: an answer the M5310-A cannot read may be that family's.</summary>
    public bool AnySeen => _families.Count > 0;

    /// <summary>A command line of <paramref name="family"/> was sent.</summary>
    public void Sent(ModuleFamily family, string line, Stamp at) => Seen(family, Owner(line), at);

    /// <summary>A URC that only <paramref name="family"/> sends came.</summary>
    public void Received(ModuleFamily family, string line, Stamp at) => Seen(family, Sender(line), at);

    // Built only for a line of another family: a lambda over the hot path's parameters would cost a closure per line.
    private static Func<ModuleFamily, bool> Owner(string line) => f => f.Owns(CommandLine.Parse(line)!);
    private static Func<ModuleFamily, bool> Sender(string line) => f => f.Sends(line);

    /// <param name="family">The family the line belongs to.</param>
    /// <param name="claims">Whether a family claims the line: one written alike by two goes to the one already noted.</param>
    /// <param name="at">Where the line is.</param>
    private void Seen(ModuleFamily family, Func<ModuleFamily, bool> claims, Stamp at)
    {
        if (_families.Any(claims)) return;
        _families.Add(family);
        diagnostics.Report(DiagnosticCodes.OtherFamily, at.Line, $"commands of another module family: {family.Name}; their exchanges are timed, not checked against the M5310-A manual");
    }
}
