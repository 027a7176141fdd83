using System.Runtime.CompilerServices;
using System.CommandLine;
using Conformance.Analyzer.Readers;
using Conformance.Cli.Output;
using Conformance.Protocol.Events;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Secrets;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance frames FILE</c>: the tokenizer's view of a raw capture, one JSON object per frame.</summary>
internal static class FramesCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Raw capture of module output (bytes as read from the port, or a hex dump of them), or - for standard input." };
        var maxFrame = new Option<int>("--max-frame") { Description = "Longest frame kept, in bytes; longer lines are reported as overflow.", DefaultValueFactory = _ => 64 * 1024 };
        var showSecrets = AnalyzeCommand.ShowSecretsOption();
        var command = new Command("frames", "Split a raw capture of module output into events (info, final, urc, echo, prompt, text, noise, overflow) as JSON lines.\n" +
            "Exit codes: 0 every byte read and framed; 1 Ctrl-C or SIGTERM stopped it (the frames of the bytes read until then are written); " +
            "2 usage or input error (a missing or unreadable file, a bad --max-frame).")
        {
            file, maxFrame, showSecrets,
        };
        MistypedOptions.Refuse(file, command);
        command.SetAction(async (parse, cancel) =>
        {
            var max = parse.GetValue(maxFrame);
            if (max < 16)
            {
                ErrorText.Write($"--max-frame must be at least 16 bytes (got {max})");
                return ExitCodes.UsageError;
            }
            var path = parse.GetValue(file)!;
            var name = LogInput.DisplayName(path);
            // A signal ends the input: the frames of the bytes read until then are written, then it says so.
            using var stop = new StopSignals(cancel);
            try
            {
                if (BytesNotated(path) is { } notation)
                {
                    // A hex dump shows the port's bytes in another notation: its rows are no module output, the bytes they hold are.
                    ErrorText.Write($"reading {name} as {LogFormatNames.NameOf(notation.Format)}: framing the bytes it holds; offsets count those bytes");
                    await using var decoded = StandardOutput.Open();
                    var options = new AtTokenizerOptions { MaxFrameLength = max };
                    await Run(Bytes(notation.Read(), stop.Token), decoded, options, new SecretMasker(show: parse.GetValue(showSecrets)));
                    if (stop.Received is not { } stopped) return ExitCodes.Ok;
                    ErrorText.Write($"interrupted ({stopped}) while {name} was read: the frames of the bytes read until then are written, the rest was not read");
                    return ExitCodes.Failures;
                }
                // Opened as analyze opens a log, with the same words for a missing file or a folder.
                await using var stored = new InputUntilStop(LogInput.OpenStored(path), stop.Token);
                // Read as analyze reads a log: a gzip or UTF-16 capture is framed as the text it holds; offsets count that text.
                await using var input = LogSource.OpenText(stored, name, out var storage);
                if (storage.Length > 0) ErrorText.Write($"reading {name} ({storage}); offsets count the decoded bytes");
                await using var output = StandardOutput.Open();
                await Run(input, output, new AtTokenizerOptions { MaxFrameLength = max }, new SecretMasker(show: parse.GetValue(showSecrets)));
                if (stop.Received is not { } signal) return ExitCodes.Ok;
                ErrorText.Write($"interrupted ({signal}) after {stored.BytesRead} bytes of {name}: the frames of those bytes are written, the rest was not read");
                return ExitCodes.Failures;
            }
            catch (LogReadException e)
            {
                ErrorText.Write(e.Message);
                return ExitCodes.UsageError;
            }
            catch (InvalidDataException e)
            {
                ErrorText.Write($"{name}: is not a valid gzip file: {e.Message}");
                return ExitCodes.UsageError;
            }
        });
        return command;
    }

    // Formats whose lines write the port's bytes in a notation (hex, a logic analyser's rows, Python reprs, socat's
    // packets with CR written `\r`, strace's C strings, interceptty's byte a line, a terminal's control names), not as they came: a line of the notation is no line of the module's.
    private static readonly HashSet<LogFormat> ByteNotations = [LogFormat.HexDump, LogFormat.SscomHex, LogFormat.LogicCsv, LogFormat.PythonBytes, LogFormat.Socat, LogFormat.Strace, LogFormat.Interceptty, LogFormat.ControlNames];

    /// <summary>The log at <paramref name="path"/> when it is a file of such a format; null for anything else, read as raw.</summary>
    private static LogSource? BytesNotated(string path)
    {
        if (path == LogInput.StandardInput) return null;   // read once: framed as it comes
        try
        {
            return LogSource.Open(path) is { Format: var format } source && ByteNotations.Contains(format) ? source : null;
        }
        catch (LogReadException)
        {
            return null;   // binary noise or no text: a raw capture, whose own reading says what is wrong
        }
    }

    /// <summary>The bytes a log's records hold, in the log's order, until a stop.</summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Bytes(IEnumerable<LogRecord> records, [EnumeratorCancellation] CancellationToken stop)
    {
        foreach (var record in records)
        {
            if (stop.IsCancellationRequested) yield break;
            yield return record.Data;
        }
        await Task.CompletedTask;
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(Stream input)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await input.ReadAsync(buffer)) > 0) yield return buffer.AsMemory(0, read);
    }

    /// <summary>Reads <paramref name="input"/> to its end and writes a JSON line per frame to <paramref name="output"/>.</summary>
    public static Task Run(Stream input, Stream output, AtTokenizerOptions options, SecretMasker secrets) => Run(Chunks(input), output, options, secrets);

    private static async Task Run(IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, Stream output, AtTokenizerOptions options, SecretMasker secrets)
    {
        // Each event is written as it is read: one lent event object serves them all.
        var reader = new AtEventReader(options) { LendsEvents = true };
        var writer = new FrameJsonWriter(output, secrets);
        await foreach (var chunk in chunks)
        {
            WriteEvents(reader, chunk.Span, writer, isFinalBlock: false);
            await writer.FlushAsync(CancellationToken.None);
        }
        // A line the input ended in (or a signal cut) is a frame of its own.
        WriteEvents(reader, default, writer, isFinalBlock: true);
        await writer.FlushAsync(CancellationToken.None);
    }

    private static void WriteEvents(AtEventReader reader, ReadOnlySpan<byte> input, FrameJsonWriter writer, bool isFinalBlock)
    {
        while (reader.TryRead(ref input, out var atEvent, isFinalBlock)) writer.Write(atEvent);
    }
}
