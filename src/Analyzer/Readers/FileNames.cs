namespace Conformance.Analyzer.Readers;

/// <summary>
/// File names .NET cannot open: on Linux a name is bytes, and .NET turns bytes that are not UTF-8 (a GBK name unpacked
/// from a zip made on a Chinese Windows) into U+FFFD, so the name it holds names no file on disk.
/// </summary>
public static class FileNames
{
    /// <summary>What to do about such a name, after the name.</summary>
    public const string NotUtf8 =
        "the file name is not valid UTF-8 (shown with \uFFFD), which this program cannot open; rename it to UTF-8, " +
        "e.g. convmv -f gbk -t utf8 -r --notest FOLDER";

    /// <summary>Whether <paramref name="path"/> came from bytes that were not UTF-8.</summary>
    public static bool IsNotUtf8(string path) => path.Contains('\uFFFD', StringComparison.Ordinal);
}
