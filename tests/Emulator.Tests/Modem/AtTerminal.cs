using System.Text;
using System.Threading.Channels;
using Conformance.Emulator.Tests.Support;

namespace Conformance.Emulator.Tests.Modem;

/// <summary>The host's side of an AT port: sends command lines and reads the module's lines, as a driver would.</summary>
internal sealed class AtTerminal : IAsyncDisposable
{
    private readonly Stream _port;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly MemoryStream _raw = new();
    private readonly Task _reading;

    public AtTerminal(Stream port)
    {
        _port = port;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Everything the module sent so far, as text.</summary>
    public string Transcript
    {
        get { lock (_raw) return Encoding.UTF8.GetString(_raw.ToArray()); }
    }

    public async Task SendAsync(string line, string terminator = "\r\n")
    {
        await _port.WriteAsync(Encoding.UTF8.GetBytes(line + terminator));
        await _port.FlushAsync();
    }

    /// <summary>Sends bytes as they are, e.g. a line in another character set than UTF-8.</summary>
    public async Task SendBytesAsync(byte[] bytes)
    {
        await _port.WriteAsync(bytes);
        await _port.FlushAsync();
    }

    /// <summary>The next non-empty line from the module.</summary>
    public async Task<string> NextLineAsync()
    {
        try { return await _lines.Reader.ReadAsync().AsTask().WaitAsync(Waiting.Timeout); }
        catch (TimeoutException) { throw new AssertionException($"No line arrived within {Waiting.Timeout}; so far:\n{Transcript}"); }
    }

    /// <summary>Sends <paramref name="line"/> and returns the lines up to and including its final result.</summary>
    public async Task<List<string>> CommandAsync(string line)
    {
        await SendAsync(line);
        var answer = new List<string>();
        do answer.Add(await NextLineAsync());
        while (!IsFinal(answer[^1]));
        return answer;
    }

    /// <summary>Sends <paramref name="line"/> and asserts the whole answer.</summary>
    public async Task ExpectAsync(string line, params string[] answer) =>
        Assert.That(await CommandAsync(line), Is.EqualTo(answer), line);

    /// <summary>Asserts the next lines (URCs) are exactly <paramref name="expected"/>.</summary>
    public async Task ExpectLinesAsync(params string[] expected)
    {
        foreach (var line in expected) Assert.That(await NextLineAsync(), Is.EqualTo(line), () => $"so far:\n{Transcript}");
    }

    public bool HasNoPendingLine => !_lines.Reader.TryPeek(out _);

    private static bool IsFinal(string line) => line is "OK" or "ERROR" || line.StartsWith("+CME ERROR", StringComparison.Ordinal);

    private async Task ReadAsync()
    {
        var buffer = new byte[4096];
        var pending = new StringBuilder();
        try
        {
            int read;
            while ((read = await _port.ReadAsync(buffer)) > 0)
            {
                lock (_raw) _raw.Write(buffer, 0, read);
                pending.Append(Encoding.UTF8.GetString(buffer, 0, read));
                int end;
                while ((end = pending.ToString().IndexOf("\r\n", StringComparison.Ordinal)) >= 0)
                {
                    var line = pending.ToString(0, end);
                    pending.Remove(0, end + 2);
                    if (line.Length > 0) _lines.Writer.TryWrite(line);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        _lines.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        await _port.DisposeAsync();
        await _reading.WaitAsync(Waiting.Timeout);
    }
}
