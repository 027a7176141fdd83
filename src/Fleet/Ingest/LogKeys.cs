using System.Security.Cryptography;
using System.Text;
using Conformance.Protocol.Secrets;

namespace Conformance.Fleet.Ingest;

/// <summary>
/// The key a log has in every table: a path, masked by the secret policy, and one file's only. A file whose path
/// holds a secret gets <c> #</c> and a short hash of its full path after the masked name, so that
/// <c>token=AAAA.log</c> and <c>token=BBBB.log</c> stay two logs while both read <c>token=***</c>.
/// </summary>
public static class LogKeys
{
    private const string HashMark = " #";
    private const int HashLength = 8;

    /// <summary>The key of the file at <paramref name="path"/> (full) found as <paramref name="name"/>.</summary>
    /// <remarks>
    /// The hash is of the file, not of the run, so the same file gets the same key whatever is ingested with it.
    /// The separator ends a bare secret value, so masking the key again leaves the hash standing.
    /// </remarks>
    public static string Of(string name, string path) =>
        HasSecret(path) || HasSecret(name) ? SecretPolicy.Redact(name) + HashMark + Hash(path) : name;

    /// <summary>What tells the file at <paramref name="path"/> from any other, masked: its path, or its masked path and hash.</summary>
    public static string Identity(string path) => HasSecret(path) ? SecretPolicy.Redact(path) + HashMark + Hash(path) : path;

    /// <summary>
    /// The <see cref="Identity"/> of the file a row of <c>logs</c> was read from: <paramref name="path"/> is its newest
    /// file as stored, masked unless it was ingested with <c>--show-secrets</c>; a masked one is told apart by its key's hash.
    /// </summary>
    public static string StoredIdentity(string key, string path)
    {
        if (HasSecret(path)) return Identity(path);
        var mark = key.LastIndexOf(HashMark, StringComparison.Ordinal);
        return path.Contains(SecretPolicy.Mask, StringComparison.Ordinal) && mark >= 0 && key.Length - mark - HashMark.Length == HashLength
            ? path + key[mark..]
            : path;
    }

    /// <summary>
    /// The key of one device of a log of several (a gateway's log of its modules, docs/analyzer.md): the log's key, <c>#</c>
    /// and the device's name (<c>gw.log#ttyUSB1</c>), so that each device is its own row of <c>logs</c>. A <c>#</c> in the
    /// log's key is written <c>\#</c> (and a <c>\</c> <c>\\</c>), so the first bare <c>#</c> ends the log's part: device
    /// <c>x#y</c> of <c>gw.log</c> is <c>gw.log#x#y</c>, device <c>y</c> of a file <c>gw.log#x</c> is <c>gw.log\#x#y</c>,
    /// and replacing one file's devices never touches another's.
    /// </summary>
    public static string OfDevice(string key, string device) => $"{Escaped(key)}{DeviceMark}{device}";

    // A log's key as the part of its devices' keys before the mark: no bare `#` in it.
    private static string Escaped(string key) =>
        key.AsSpan().IndexOfAny('#', '\\') < 0 ? key : key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("#", "\\#", StringComparison.Ordinal);

    // The log's key a device key starts with (its part before the first bare `#`, unescaped), or null when it has no bare `#`.
    private static string? LogPart(string key)
    {
        var log = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == DeviceMark) return log.ToString();
            if (key[i] == '\\' && i + 1 < key.Length && key[i + 1] is '#' or '\\') i++;
            log.Append(key[i]);
        }
        return null;
    }

    /// <summary>
    /// The key of one device of the log <paramref name="key"/> as <see cref="OfDevice(string, string)"/> gives it, unless
    /// <paramref name="taken"/> says a file or another device has it (a file <c>gw.log#modem1</c> beside <c>gw.log</c>, which
    /// holds a device <c>modem1</c>): then <c>gw.log#modem1 (device)</c>, <c>(device 2)</c> … the first free. The file keeps
    /// its key, its path; the same inputs give the same keys.
    /// </summary>
    /// <remarks>
    /// What is added starts with no <c>#</c>: the key is still the log's part, <c>#</c> and more (<see cref="OfLog"/>); the
    /// file's own devices are keyed <c>gw.log\#modem1#…</c>, so replacing either's rows leaves the other's be.
    /// </remarks>
    public static string OfDevice(string key, string device, Func<string, bool> taken)
    {
        var plain = OfDevice(key, device);
        if (!taken(plain)) return plain;
        for (var n = 1; ; n++)
            if ($"{plain} (device{(n == 1 ? "" : $" {n}")})" is var other && !taken(other)) return other;
    }

    /// <summary>
    /// The key of the log a stored key is of: a device's key without its device (<see cref="OfDevice(string, string)"/>), told by the
    /// file's path, which ends in the log's key, not the device's; any other key as it is. A device's key is the log's up
    /// to its first bare <c>#</c>; a key stored before <c>#</c> was escaped in it (<c>site#3.log#COM#1</c>) has each <c>#</c>
    /// tried, the last first: the longest start of the key that is the file's is the log's key.
    /// </summary>
    public static string OfLog(string key, string path)
    {
        if (IsKeyOf(key, path)) return key;
        if (LogPart(key) is { } log && IsKeyOf(log, path)) return log;
        for (var mark = key.LastIndexOf(DeviceMark); mark > 0; mark = key.LastIndexOf(DeviceMark, mark - 1))
            if (IsKeyOf(key[..mark], path)) return key[..mark];
        return key;
    }

    // True when `key` is the key a file at `path` (as stored: masked, or not with --show-secrets) gets: the path itself
    // or its end after a folder, with or without the hash of a masked name.
    private static bool IsKeyOf(string key, string path)
    {
        path = path.Replace('\\', '/');
        var hashed = key.Length > HashMark.Length + HashLength && key.AsSpan(key.Length - HashLength - HashMark.Length, HashMark.Length).SequenceEqual(HashMark) &&
            key[^HashLength..].All(char.IsAsciiHexDigitLower);
        var name = hashed ? key[..^(HashMark.Length + HashLength)] : key;
        return Ends(path, name) || hashed && Ends(SecretPolicy.Redact(path), name);

        static bool Ends(string path, string name) =>
            path == name || path.Length > name.Length && path.EndsWith(name, StringComparison.Ordinal) && path[^(name.Length + 1)] == '/';
    }

    private const char DeviceMark = '#';

    private static bool HasSecret(string text) => SecretPolicy.Redact(text) != text;

    private static string Hash(string path) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path.Replace('\\', '/'))))[..HashLength];
}
