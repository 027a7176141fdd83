using Conformance.Protocol.Display;
using Conformance.Protocol.Secrets;

namespace Conformance.Cli;

/// <summary>Messages for a user on standard error: one line each, secrets masked, control characters shown, not obeyed.</summary>
internal static class ErrorText
{
    /// <summary>An exception's message as one line: without the parameter names .NET appends to argument errors.</summary>
    public static string Of(Exception e) => e is ArgumentException { ParamName: { } name }
        ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
        : e.Message;

    /// <summary>Why the file a user named cannot be read, in a few words: no such file, a folder, permission denied.</summary>
    public static string Unreadable(string path, Exception e) => e switch
    {
        _ when Directory.Exists(path) => "is a folder, not a file",
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "cannot be read: permission denied",
        _ => $"cannot be read: {e.Message}",
    };

    /// <summary>
    /// Writes <c>conformance: message</c> to standard error. A message may quote a log line or name a file, both the
    /// user's data: the secret policy masks it (also with <c>--show-secrets</c>, which is about reports), and an escape
    /// sequence or a line end in it is shown escaped, so a log or a file name cannot drive the terminal.
    /// </summary>
    public static void Write(string message) => Console.Error.WriteLine(Line(message));

    /// <summary>The line <see cref="Write"/> writes, masked by <paramref name="secrets"/> when given, by the rules and the secrets <see cref="Remember"/>ed if not.</summary>
    public static string Line(string message, SecretMasker? secrets = null) =>
        $"conformance: {PrintableText.Escape((secrets ?? Known).Mask(message))}";

    /// <summary>As <see cref="Write"/>, for a message of several lines (a database's error pointing into a query): its line ends stay.</summary>
    public static void WriteLines(string message) =>
        Console.Error.WriteLine($"conformance: {PrintableText.EscapeLines(Known.Mask(message))}");

    /// <summary>The report of a fault of the program: its stack trace, with the secrets known so far masked like any message.</summary>
    public static string Internal(Exception e) =>
        $"conformance: {PrintableText.EscapeLines(Known.Mask($"internal error, please report it: {e}"))}";

    /// <summary>
    /// Masks <paramref name="secret"/> (a run's API key, given by <c>--set</c> or a settings file) in every message from
    /// now on, also in the report of a crash.
    /// </summary>
    public static void Remember(string secret) => Known.Add(secret);

    // The rules, and the secrets the command has been given: one masker for every message of the process.
    private static readonly SecretMasker Known = new();
}
