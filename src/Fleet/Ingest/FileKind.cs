using System.Runtime.InteropServices;
using System.Text;

namespace Conformance.Fleet.Ingest;

/// <summary>
/// What a directory entry is beyond file or folder: .NET does not say whether a path is a FIFO, a socket or a
/// device, and opening a FIFO waits for a writer for ever. On Linux statx(2) tells, with a layout fixed on every
/// architecture; elsewhere every file counts as regular.
/// </summary>
internal static class FileKind
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;   // struct statx: mask, blksize (u32), attributes (u64), nlink, uid, gid (u32), mode (u16)
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    private static bool unavailable = !OperatingSystem.IsLinux();

    /// <summary>Null for a regular file (or a link to one, or when the kind cannot be told); else what it is: "a FIFO", "a socket" …</summary>
    public static string? NotRegular(string path)
    {
        if (unavailable) return null;
        var buffer = new byte[256];
        try
        {
            if (statx(AtCurrentDirectory, Encoding.UTF8.GetBytes(path + "\0"), 0, StatxType, buffer) != 0) return null;   // the read says why
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            unavailable = true;
            return null;
        }
        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
        {
            Regular => null,
            0x1000 => "a FIFO (named pipe)",
            0xC000 => "a socket",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x4000 => "a folder",
            _ => "not a regular file",
        };
    }

    [DllImport("libc", EntryPoint = "statx")]
#pragma warning disable CA5392, SYSLIB1054 // libc is the system's; byte arrays need no marshalling code
    private static extern int statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);
#pragma warning restore CA5392, SYSLIB1054
}
