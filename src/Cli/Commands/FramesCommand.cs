using System.CommandLine;
using Conformance.Cli.Output;
using Conformance.Protocol.Framing;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance frames FILE</c>: the tokenizer's view of a raw capture, one JSON object per frame.</summary>
internal static class FramesCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Raw capture of module output (bytes as read from the port), or - for standard input." };
        var maxFrame = new Option<int>("--max-frame") { Description = "Longest frame kept, in bytes; longer lines are reported as overflow.", DefaultValueFactory = _ => 64 * 1024 };
        var command = new Command("frames", "Split a raw capture of module output into frames (info, final, urc, echo, prompt, noise, overflow) as JSON lines.\n" +
            "Exit codes: 0 every byte read and framed; 2 usage or input error (a missing or unreadable file, a bad --max-frame).")
        {
            file, maxFrame,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var max = parse.GetValue(maxFrame);
            if (max < 16)
            {
                Console.Error.WriteLine($"conformance: --max-frame must be at least 16 bytes (got {max})");
                return ExitCodes.UsageError;
            }
            await using var input = InputSource.Open(parse.GetValue(file)!, Console.Error);
            if (input is null) return ExitCodes.UsageError;
            await using var output = Console.OpenStandardOutput();
            await Run(input, output, new AtTokenizerOptions { MaxFrameLength = max }, cancel);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Reads <paramref name="input"/> to its end and writes a JSON line per frame to <paramref name="output"/>.</summary>
    public static async Task Run(Stream input, Stream output, AtTokenizerOptions options, CancellationToken cancel)
    {
        var tokenizer = new AtTokenizer(options);
        var writer = new FrameJsonWriter(output);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await input.ReadAsync(buffer, cancel)) > 0)
        {
            WriteFrames(tokenizer, buffer.AsSpan(0, read), writer, isFinalBlock: false);
            await writer.FlushAsync(cancel);
        }
        WriteFrames(tokenizer, default, writer, isFinalBlock: true);
        await writer.FlushAsync(cancel);
    }

    private static void WriteFrames(AtTokenizer tokenizer, ReadOnlySpan<byte> input, FrameJsonWriter writer, bool isFinalBlock)
    {
        while (tokenizer.TryRead(ref input, out var frame, isFinalBlock)) writer.Write(frame);
    }
}
