namespace Conformance.Harness.Mutation;

/// <summary>Whether a mutant breaks what the manual means or only how it is written.</summary>
public enum MutantKind
{
    /// <summary>Breaks a behaviour of the manual: the suites must fail it.</summary>
    Semantic,
    /// <summary>Only the form differs (spacing, quoting, a spelling seen in the field, an outcome URC before its OK): the suites report a finding and
    /// pass it by default; only <c>--strict</c> fails it.</summary>
    FormatOnly,
}
