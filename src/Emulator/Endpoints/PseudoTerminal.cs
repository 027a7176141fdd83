using System.Runtime.InteropServices;

namespace Conformance.Emulator.Endpoints;

/// <summary>
/// A Linux pseudo-terminal pair from libc: the master side for the module, the slave path (<c>/dev/pts/N</c>) for
/// the host. The slave is put in raw mode so serial tools see bytes unchanged, and kept open so the master does
/// not fail while no host has the port open. The master is non-blocking: bytes nobody reads are dropped, as on
/// a UART with nothing attached.
/// </summary>
internal sealed partial class PseudoTerminal : IDisposable
{
    private const int ReadWrite = 0x2, NoControllingTerminal = 0x100, NonBlocking = 0x800, CloseOnExec = 0x80000;
    private const int SetDescriptorFlags = 2, DescriptorCloseOnExec = 1, GetFlags = 3, SetFlags = 4, SetNow = 0, PollIn = 1;
    private const int Interrupted = 4, WouldBlock = 11;

    private readonly int _master, _slave;
    private int _closed;

    private PseudoTerminal(int master, int slave, string path)
    {
        _master = master;
        _slave = slave;
        SlavePath = path;
    }

    /// <summary>The device a host opens, e.g. <c>/dev/pts/7</c>.</summary>
    public string SlavePath { get; }

    public static PseudoTerminal Open()
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("Pseudo-terminals are available on Linux only; use the TCP endpoint elsewhere.");
        var master = Check(posix_openpt(ReadWrite | NoControllingTerminal), "posix_openpt");
        try
        {
            // Not inherited by programs this process starts: a child holding the master would keep the port from
            // ever hanging up when it is closed here.
            Check(fcntl(master, SetDescriptorFlags, DescriptorCloseOnExec), "fcntl");
            Check(grantpt(master), "grantpt");
            Check(unlockpt(master), "unlockpt");
            var name = new byte[128];
            var error = ptsname_r(master, name, (nuint)name.Length);
            if (error != 0) throw Failure("ptsname_r", error);
            var path = System.Text.Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
            var slave = Check(open(path, ReadWrite | NoControllingTerminal | CloseOnExec), "open " + path);
            MakeRaw(slave);
            Check(fcntl(master, SetFlags, Check(fcntl(master, GetFlags, 0), "fcntl") | NonBlocking), "fcntl");
            return new PseudoTerminal(master, slave, path);
        }
        catch
        {
            _ = close(master);
            throw;
        }
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for host bytes and reads them; 0 when none came.</summary>
    public int Read(Span<byte> buffer, int timeoutMs)
    {
        var poll = new PollFd { Fd = _master, Events = PollIn };
        var ready = Poll(ref poll, 1, timeoutMs);
        if (ready <= 0) return 0;
        var read = (int)ReadBytes(_master, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
        if (read >= 0) return read;
        var errno = Marshal.GetLastPInvokeError();
        return errno is WouldBlock or Interrupted ? 0 : throw Failure("read", errno);
    }

    /// <summary>Writes module bytes; what does not fit because nobody reads the port is dropped.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty && Volatile.Read(ref _closed) == 0)
        {
            var written = (int)WriteBytes(_master, in MemoryMarshal.GetReference(bytes), (nuint)bytes.Length);
            if (written < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Interrupted) continue;
                return;
            }
            bytes = bytes[written..];
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        _ = close(_slave);
        _ = close(_master);
    }

    private static void MakeRaw(int fd)
    {
        // struct termios is 60 bytes on glibc; a larger buffer keeps it opaque and safe.
        var termios = new byte[256];
        Check(tcgetattr(fd, termios), "tcgetattr");
        cfmakeraw(termios);
        Check(tcsetattr(fd, SetNow, termios), "tcsetattr");
    }

    private static int Check(int result, string call) => result >= 0 ? result : throw Failure(call, Marshal.GetLastPInvokeError());

    private static IOException Failure(string call, int errno) =>
        new($"{call} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int posix_openpt(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int grantpt(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int unlockpt(int fd);

    [LibraryImport("libc")]
    private static partial int ptsname_r(int fd, [Out] byte[] buffer, nuint length);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fcntl(int fd, int command, int argument);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcgetattr(int fd, [Out] byte[] termios);

    [LibraryImport("libc")]
    private static partial void cfmakeraw([In, Out] byte[] termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcsetattr(int fd, int when, [In] byte[] termios);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollFd fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadBytes(int fd, ref byte buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteBytes(int fd, in byte buffer, nuint count);
}
