using Conformance.Fuzz.Tests.Engine;

namespace Conformance.Fuzz.Tests.Targets;

/// <summary>Every byte entry point under fuzzing, in the order a long run takes them.</summary>
public static class AllTargets
{
    public static IReadOnlyList<FuzzTarget> Create() =>
    [
        new TokenizerTarget(), new EventReaderTarget(), new LogReaderTarget(), new AnalysisTarget(), new CommandParserTarget(),
        new DpDecoderTarget(), new SecretsTarget(), new EmulatorTarget(), new TraceReaderTarget(),
    ];
}
