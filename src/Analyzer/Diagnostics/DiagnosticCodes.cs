using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Diagnostics;

/// <summary>The codes the analyzer reports as diagnostics, in the order docs/analyzer-json.md lists them; each is an entry of <see cref="CodeList"/>.</summary>
public static class DiagnosticCodes
{
    public static CodeEntry NoFinalResult => CodeList.NoFinalResult;
    public static CodeEntry CommandRetried => CodeList.CommandRetried;
    public static CodeEntry FinalWithoutCommand => CodeList.FinalWithoutCommand;
    public static CodeEntry CmeError => CodeList.CmeError;
    public static CodeEntry CommandError => CodeList.CommandError;
    public static CodeEntry UrcMissing => CodeList.UrcMissing;
    public static CodeEntry HandshakeOpen => CodeList.HandshakeOpen;
    public static CodeEntry UnexpectedUrc => CodeList.UnexpectedUrc;
    public static CodeEntry AckTimeout => CodeList.AckTimeout;
    public static CodeEntry SubscribeRefused => CodeList.SubscribeRefused;
    public static CodeEntry OpenFailed => CodeList.OpenFailed;
    public static CodeEntry OutOfOrder => CodeList.OutOfOrder;
    public static CodeEntry CfgWithoutDel => CodeList.CfgWithoutDel;
    public static CodeEntry KeepAliveBelowTimeout => CodeList.KeepAliveBelowTimeout;
    public static CodeEntry ConnectionLost => CodeList.ConnectionLost;
    public static CodeEntry ModuleRestarted => CodeList.ModuleRestarted;
    public static CodeEntry ReconnectionStorm => CodeList.ReconnectionStorm;
    public static CodeEntry SubscriptionLost => CodeList.SubscriptionLost;
    public static CodeEntry RegistrationDenied => CodeList.RegistrationDenied;
    public static CodeEntry DpBadHex => CodeList.DpBadHex;
    public static CodeEntry MessageLengthMismatch => CodeList.MessageLengthMismatch;
    public static CodeEntry DpMalformed => CodeList.DpMalformed;
    public static CodeEntry Deviation => CodeList.FormatDeviation;
    public static CodeEntry OtherFamily => CodeList.OtherFamily;
    public static CodeEntry EchoMismatch => CodeList.EchoMismatch;
    public static CodeEntry UnreadableLine => CodeList.UnreadableLine;
    public static CodeEntry LineTooLong => CodeList.LineTooLong;
    public static CodeEntry Noise => CodeList.Noise;
    public static CodeEntry GarbledOutput => CodeList.GarbledOutput;
    public static CodeEntry LineEnd => CodeList.LineEnd;
    public static CodeEntry Truncated => CodeList.TruncatedInput;
    public static CodeEntry UnknownDirection => CodeList.UnknownDirection;
    public static CodeEntry TimeWentBack => CodeList.TimeWentBack;
    public static CodeEntry StampNotATime => CodeList.StampNotATime;
    public static CodeEntry WholeSecondStamps => CodeList.WholeSecondStamps;
    public static CodeEntry SplitLine => CodeList.SplitLine;
    public static CodeEntry RowNotHex => CodeList.RowNotHex;
    public static CodeEntry OneSideOnly => CodeList.OneSideOnly;
    public static CodeEntry StatusContradiction => CodeList.StatusContradiction;
    public static CodeEntry AnswerRepeated => CodeList.AnswerRepeated;
    public static CodeEntry AnswerAfterFinal => CodeList.AnswerAfterFinal;

    /// <summary>All of them; the table in docs/analyzer-json.md is checked against this list.</summary>
    public static IReadOnlyList<CodeEntry> All { get; } =
    [
        NoFinalResult, CommandRetried, FinalWithoutCommand, CmeError, CommandError, UrcMissing, HandshakeOpen, UnexpectedUrc,
        AckTimeout, SubscribeRefused, OpenFailed, OutOfOrder, CfgWithoutDel, KeepAliveBelowTimeout, ConnectionLost, ModuleRestarted,
        ReconnectionStorm, SubscriptionLost, RegistrationDenied, DpBadHex, MessageLengthMismatch, DpMalformed, Deviation, OtherFamily, EchoMismatch,
        StatusContradiction, AnswerRepeated, AnswerAfterFinal, UnreadableLine, LineTooLong, Noise, GarbledOutput, LineEnd, Truncated, UnknownDirection, TimeWentBack, StampNotATime, WholeSecondStamps, SplitLine, RowNotHex, OneSideOnly,
    ];
}
