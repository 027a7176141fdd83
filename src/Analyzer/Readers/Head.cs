namespace Conformance.Analyzer.Readers;

/// <summary>The first bytes of a file, to tell an archive by its magic number before it is read.</summary>
internal static class Head
{
    /// <summary>Up to <paramref name="count"/> bytes from the start of <paramref name="path"/>; none when it cannot be read (the read says why).</summary>
    public static byte[] Of(string path, int count)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            var head = new byte[count];
            return head[..file.ReadAtLeast(head, count, throwOnEndOfStream: false)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
