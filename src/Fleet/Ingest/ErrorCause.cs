namespace Conformance.Fleet.Ingest;

/// <summary>
/// Why a log could not be read, as its row says it: the cause, without the path the log's key and files already give.
/// A path in it would make every log's error a group of its own in <c>GROUP BY error</c>, the first question of a fleet's
/// failures; a log of several files (its rotations) keeps the name of the one at fault.
/// </summary>
internal static class ErrorCause
{
    public static string Of(FleetLog log, string error)
    {
        foreach (var file in log.Files.OrderByDescending(f => f.Length))
        {
            if (!error.StartsWith(file + ":", StringComparison.Ordinal)) continue;
            var rest = error[(file.Length + 1)..];
            // A reader's `FILE:LINE: why` keeps its line.
            var digits = rest.TakeWhile(char.IsAsciiDigit).Count();
            var line = digits > 0 && rest.Length > digits && rest[digits] == ':' ? $"line {rest[..digits]}: " : "";
            var cause = (line.Length > 0 ? rest[(digits + 1)..] : rest).TrimStart();
            return (log.Files.Count > 1 ? $"{Path.GetFileName(file)}: " : "") + line + cause;
        }
        return error;
    }
}
