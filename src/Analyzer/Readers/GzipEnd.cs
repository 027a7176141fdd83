using System.Buffers.Binary;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// The unpacked bytes of a gzip file whose end is checked: a file cut short (copied while it was written, a partial
/// upload) unpacks without an error up to the cut, and would be read as a log that just ends there. Its last member's
/// trailer says how many bytes it holds (ISIZE, RFC 1952); when the count differs and no other member begins in the
/// file, the file was cut, and reading it fails as a damaged gzip stream does. Bytes after the last trailer (NUL
/// padding, junk) are ignored, as gzip does.
/// </summary>
/// <param name="unpacked">The gzip stream over <paramref name="stored"/>.</param>
/// <param name="stored">The file as stored; checked only when it can seek (standard input cannot).</param>
internal sealed class GzipEnd(Stream unpacked, Stream stored) : ReadOnlyWrapper(unpacked)
{
    // The file under a counting wrapper: the check's reads are no bytes of the log.
    private readonly Stream _file = stored is ReadOnlyWrapper wrapper ? wrapper.Base : stored;

    private const int TrailerBytes = 8;
    private long _count;
    private bool _checked;

    public override int Read(Span<byte> buffer)
    {
        var n = Inner.Read(buffer);
        _count += n;
        if (n == 0 && buffer.Length > 0 && !_checked)
        {
            _checked = true;
            if (IsCut()) throw new InvalidDataException($"the file is cut short: it ends after {_count} unpacked bytes, without its gzip trailer (zcat unpacks what it holds)");
        }
        return n;
    }

    // Bytes after the gzip data that gzip itself passes over: padding to a block, or junk an upload appended.
    private const int MaxTail = 64 * 1024;

    private bool IsCut()
    {
        if (!_file.CanSeek || _file.Length < TrailerBytes) return false;
        // ISIZE is the size modulo 2^32; a file of several members (`cat a.gz b.gz`) ends with its last member's own.
        // It ends the file, or comes before bytes gzip ignores (NUL padding, trailing junk): looked for in the last 64 KiB.
        var tail = new byte[(int)Math.Min(_file.Length, MaxTail + 4)];
        _file.Seek(-tail.Length, SeekOrigin.End);
        _file.ReadExactly(tail);
        for (var at = tail.Length - 4; at >= 0; at--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) == (uint)_count) return false;
        return !HasSecondMember();
    }

    /// <summary>True when a gzip member header (RFC 1952: ID1 ID2 CM=8 FLG MTIME XFL OS) begins after the first byte.</summary>
    private bool HasSecondMember()
    {
        _file.Seek(1, SeekOrigin.Begin);
        var window = new byte[64 * 1024];
        int kept = 0, n;
        while ((n = _file.Read(window.AsSpan(kept))) > 0)
        {
            var length = kept + n;
            const int header = 10;
            for (var i = 0; i + header <= length; i++)
                if (window[i] == 0x1F && window[i + 1] == 0x8B && window[i + 2] == 8 && window[i + 3] < 0x20
                    && window[i + 8] is 0 or 2 or 4 && window[i + 9] is <= 13 or 255) return true;
            // The last bytes may start a header that the next read completes.
            kept = Math.Min(header - 1, length);
            window.AsSpan(length - kept, kept).CopyTo(window);
        }
        return false;
    }
}
