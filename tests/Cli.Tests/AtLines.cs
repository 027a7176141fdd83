using System.Text;

namespace Conformance.Cli.Tests;

/// <summary>The host's side of an AT port: sends a command line and collects the non-empty lines of the answer.</summary>
internal sealed class AtLines(Stream stream) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    public void Dispose() => _reader.Dispose();

    public async Task<List<string>> Exchange(string line, int lines)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
        return await Next(lines);
    }

    /// <summary>The next <paramref name="lines"/> non-empty lines (URCs).</summary>
    public async Task<List<string>> Next(int lines)
    {
        var got = new List<string>();
        while (got.Count < lines)
        {
            var next = await _reader.ReadLineAsync().WaitAsync(Patience);
            if (!string.IsNullOrEmpty(next)) got.Add(next);
        }
        return got;
    }
}
