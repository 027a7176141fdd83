using Conformance.Harness.Dsl;
using Conformance.Harness.Session;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Display;
using Conformance.Protocol.Responses;

namespace Conformance.Harness.Running;

/// <summary>What a module says it is: its <c>AT+CGMR</c> and <c>ATI</c> answers, null where it did not answer.</summary>
public sealed record FirmwareIdentity(string? Revision, string? Identification)
{
    /// <summary>Shown for an answer the module did not give.</summary>
    public const string Unknown = "unknown";

    /// <summary>Not asked (a replayed trace answers only what it recorded) or not reached.</summary>
    public static readonly FirmwareIdentity None = new(null, null);

    /// <summary>The revision as shown in reports.</summary>
    public string RevisionText => Revision ?? Unknown;

    /// <summary>The identification as shown in reports.</summary>
    public string IdentificationText => Identification ?? Unknown;

    /// <summary>Asks <c>AT+CGMR</c> then <c>ATI</c> once; an answer is its information lines, masked and printable.</summary>
    /// <exception cref="LinkLostException">The module went away.</exception>
    public static async Task<FirmwareIdentity> QueryAsync(AtSession session, CancellationToken cancel) =>
        new(await AskAsync(session, new RevisionRead(), cancel), await AskAsync(session, new IdentificationRead(), cancel));

    private static async Task<string?> AskAsync(AtSession session, AtCommand command, CancellationToken cancel)
    {
        var reply = await session.SendAsync(command, Timeouts.Command, cancel);
        if (reply.Final?.Kind != FinalResultKind.Ok) return null;
        var lines = reply.Information.Select(l => l.Text.Trim()).Where(t => t.Length > 0).ToList();
        // A module may name the command first (+CGMR: …); the name says nothing about the firmware.
        var prefix = command.Name + ":";
        if (lines.Count > 0 && lines[0].StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) lines[0] = lines[0][prefix.Length..].TrimStart();
        return lines.Count == 0 ? null : PrintableText.Escape(session.Trace.Secrets.Mask(string.Join(" / ", lines)));
    }
}
