namespace Conformance.Cli;

/// <summary>Exception messages as one line for a user: without the parameter names .NET appends to argument errors.</summary>
internal static class ErrorText
{
    public static string Of(Exception e) => e is ArgumentException { ParamName: { } name }
        ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
        : e.Message;
}
