using System.IO.Compression;
using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// One input named by the user, a file or <c>-</c> for standard input, opened as the text it holds:
/// a gzip stream is unpacked (found by its magic bytes, whatever the name), UTF-16 (by its byte order mark or
/// its pattern of NUL bytes) is turned into UTF-8, and a UTF-8 byte order mark is dropped. Everything streams.
/// </summary>
internal static class LogInput
{
    public const string StandardInput = "-";

    /// <summary>The name records and messages use for an input.</summary>
    public static string DisplayName(string name) => name == StandardInput ? "standard input" : name;

    /// <summary>How the bytes of an input were stored, as far as they had to be decoded.</summary>
    public static string Describe(bool gzip, Encoding? utf16) =>
        (gzip, utf16) switch
        {
            (false, null) => "",
            (true, null) => "gzip",
            (false, { } e) => NameOf(e),
            (true, { } e) => $"gzip, {NameOf(e)}",
        };

    private static string NameOf(Encoding utf16) => utf16.CodePage == Encoding.BigEndianUnicode.CodePage ? "UTF-16BE" : "UTF-16LE";

    /// <summary>The bytes as stored: the file, or standard input.</summary>
    /// <exception cref="LogReadException">Missing, a directory, or unreadable.</exception>
    public static Stream OpenStored(string name)
    {
        if (name == StandardInput) return Console.OpenStandardInput();
        if (Directory.Exists(name)) throw new LogReadException("is a directory, expected a log file", name);
        if (!File.Exists(name) && ArchiveMembers.Split(name) is var (archive, member)) return ArchiveMembers.Open(archive, member);
        try
        {
            return new FileStream(name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LogReadException(FileNames.IsNotUtf8(name) ? FileNames.NotUtf8 : BrokenLink(name) ?? "no such file", name, inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LogReadException("cannot be read: permission denied", name, inner: e);
        }
        catch (IOException e)
        {
            throw new LogReadException($"cannot be read: {e.Message}", name, inner: e);
        }
    }

    // A link whose file was moved or deleted is there to see (`ls` lists it): "no such file" would contradict the listing.
    private static string? BrokenLink(string name)
    {
        try
        {
            return new FileInfo(name).LinkTarget is { } target ? $"is a link to {target}, which does not exist" : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The text of stored bytes, with a stream to peek at; says what had to be undone.</summary>
    public static PeekStream Decode(Stream stored, string file, out bool gzip, out Encoding? utf16)
    {
        var stream = new PeekStream(stored);
        gzip = Sniff(stream, file, s => s.Peek(2) is [0x1F, 0x8B]);
        if (gzip) stream = new PeekStream(new GzipEnd(new GZipStream(stream, CompressionMode.Decompress), stored));
        utf16 = Sniff(stream, file, Utf16Of);
        if (utf16 is not null)
        {
            if (stream.Peek(2) is [0xFF, 0xFE] or [0xFE, 0xFF]) stream.ReadExactly(new byte[2]);
            return new PeekStream(Encoding.CreateTranscodingStream(stream, utf16, new UTF8Encoding(false)));
        }
        if (stream.Peek(3) is [0xEF, 0xBB, 0xBF]) stream.ReadExactly(new byte[3]);
        return stream;
    }

    /// <summary>Reads bytes of an input, turning a broken gzip stream or a failed read into a message with the file's name.</summary>
    public static T Sniff<T>(PeekStream stream, string file, Func<PeekStream, T> look)
    {
        try
        {
            return look(stream);
        }
        catch (InvalidDataException e)
        {
            throw new LogReadException($"is not a valid gzip file: {e.Message}", file, inner: e);
        }
        catch (IOException e)
        {
            throw new LogReadException($"read failed: {e.Message}", file, inner: e);
        }
    }

    /// <summary>UTF-16 by its byte order mark, or by NUL bytes in every other place (text in the ASCII range).</summary>
    private static Encoding? Utf16Of(PeekStream stream)
    {
        var head = stream.Peek(4096);
        if (head is [0xFF, 0xFE, ..]) return Encoding.Unicode;
        if (head is [0xFE, 0xFF, ..]) return Encoding.BigEndianUnicode;
        var pairs = head.Length / 2;
        if (pairs < 2) return null;
        int evenNuls = 0, oddNuls = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            if (head[i] == 0) evenNuls++;
            if (head[i + 1] == 0) oddNuls++;
        }
        // Mostly NULs on one side and almost none on the other: a raw capture's NUL noise fills both sides. A few NULs
        // prove nothing: a short file that starts with one byte of power-up noise is not UTF-16.
        const int fewest = 4;
        if (oddNuls >= fewest && oddNuls * 10 >= pairs * 3 && evenNuls * 20 <= pairs) return Encoding.Unicode;
        if (evenNuls >= fewest && evenNuls * 10 >= pairs * 3 && oddNuls * 20 <= pairs) return Encoding.BigEndianUnicode;
        return null;
    }
}
