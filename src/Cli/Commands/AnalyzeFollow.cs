using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Reports;
using Conformance.Analyzer.Timeline;
using Conformance.Harness.Links;
using Conformance.Protocol.Secrets;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance analyze --follow</c>: a log read as it grows, or a port's traffic as it comes, with the timeline
/// printed live; at the end (Ctrl-C, SIGTERM, the port closing, <c>--idle-exit</c>) the analysis equals an offline
/// <c>analyze</c> of the same bytes (docs/tap.md, "Following a log"). A log of several devices, as its first lines show
/// it, is followed per device as <c>analyze</c> reads it: each line of the live timeline names its device, and the report
/// at the end is a report per device.
/// </summary>
internal static class AnalyzeFollow
{
    /// <summary>
    /// Follows one file or port (with <paramref name="channel"/>, that device of a log of several); on bad input explains
    /// why on standard error and returns null. The analyses are one, or one per device, each naming it; the devices are
    /// those of a log of several, else none.
    /// </summary>
    public static (string Path, IReadOnlyList<Analysis> Analyses, IReadOnlyList<string> Devices, bool Damaged)? Load(IReadOnlyList<string> inputs, string? format,
        bool showSecrets, string? channel, double? idleExitSeconds, Spectre.Console.IAnsiConsole live)
    {
        if (inputs is not [var input] || input == "-")
        {
            ErrorText.Write("--follow takes one log file or one port (serial:PATH[,BAUD] or tcp:HOST:PORT)");
            return null;
        }
        if (idleExitSeconds is <= 0)
        {
            ErrorText.Write($"--idle-exit must be a positive number of seconds (got {idleExitSeconds})");
            return null;
        }
        using var stop = new StopSignals(CancellationToken.None);
        ILink? port = null;
        try
        {
            var forced = format is null ? (LogFormat?)null : LogFormatNames.Parse(format);
            Stream stream;
            string name;
            if (IsPort(input))
            {
                port = input.StartsWith("tcp:", StringComparison.Ordinal)
                    ? TcpLink.Parse(input[4..])
                    : SerialLink.Parse(input[7..], new LinkSettings(TimeProvider.System, SecretMasker.Shown));
                stream = port.OpenAsync(stop.Token).GetAwaiter().GetResult();
                name = port.Target;
            }
            else
            {
                name = Path.GetFullPath(input);
                if (Directory.Exists(name)) throw new LogReadException("is a directory, expected a log file", name);
                var file = new GrowingFileStream(name, stop.Token);
                file.Restarted += () => ErrorText.Write($"{name} was truncated or replaced (rotated): reading it again from its start");
                stream = file;
            }
            ErrorText.Write($"following {name}; Ctrl-C to stop");
            using var log = new LiveLog(stream, name, forced, idleExitSeconds is { } s ? TimeSpan.FromSeconds(s) : null, stop.Token);
            var how = format is null ? $"detected from the first lines, confidence {log.Detection.Confidence:0.00}" : "forced";
            ErrorText.Write($"reading {name} as {LogFormatNames.NameOf(log.Format)} ({how})");
            if (log.Channels is null && channel is not null)
            {
                ErrorText.Write($"--channel {channel}: the first lines of {name} name no devices, it is a log of one module; leave --channel out");
                return null;
            }
            IReadOnlyList<Analysis> analyses;
            IReadOnlyList<string> devices = [];
            if (log.Channels is { } channels)
            {
                ErrorText.Write($"the log holds several devices ({channels.Describe()}): each is followed as a log of its own");
                var each = new AnalysisOptions { ShowSecrets = showSecrets };
                analyses = TimelineBuilder.AnalyzeChannels(log, each, device => new LiveConsoleReport(live, device), channel, out devices, Waiting(channel));
            }
            else analyses = [TimelineBuilder.Analyze(log.Read(), new AnalysisOptions { ShowSecrets = showSecrets, Sink = new LiveConsoleReport(live), Format = log.Format })];
            var why = stop.Received is { } signal ? $"stopped by {signal}" : log.Failure is { } failure ? $"the input failed: {failure}"
                : log.Idled ? $"nothing new for {idleExitSeconds} s (--idle-exit)" : "the input ended";
            ErrorText.Write($"{name}: {why}");
            if (devices.Count > 0) ErrorText.Write($"the log held {devices.Count} devices: {string.Join(", ", devices)}");
            if (channel is not null && analyses.Count == 0)
            {
                ErrorText.Write($"--channel {channel}: no such device in the log; its devices are {string.Join(", ", devices)}");
                return null;
            }
            if (analyses.All(analysis => analysis.Summary.Commands == 0 && analysis.Summary.Urcs == 0))
            {
                ErrorText.Write($"{name}: no AT traffic arrived, nothing to report");
                return null;
            }
            return (name, analyses, devices, false);
        }
        catch (LinkException e)
        {
            ErrorText.Write(e.Message);
            return null;
        }
        catch (LogReadException e)
        {
            ErrorText.Write(e.Message);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ErrorText.Write($"{input}: cannot be read: {e.Message}");
            return null;
        }
        finally
        {
            port?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// With <c>--channel</c>, says on standard error each device that comes while the one asked for has not, with the devices
    /// so far: a misspelt name shows at once, not when the following ends.
    /// </summary>
    private static Action<string>? Waiting(string? channel)
    {
        if (channel is null) return null;
        var (seen, found) = (new List<string>(), false);
        return device =>
        {
            seen.Add(device);
            found |= LogChannels.Names(device, channel);
            if (!found) ErrorText.Write($"--channel {channel}: device {device} came, not {channel}; still waiting for it (devices so far: {string.Join(", ", seen)})");
        };
    }

    /// <summary>A port rather than a file: <c>serial:…</c> or <c>tcp:…</c>, unless a file has that name.</summary>
    public static bool IsPort(string input) =>
        (input.StartsWith("serial:", StringComparison.Ordinal) || input.StartsWith("tcp:", StringComparison.Ordinal)) && !File.Exists(input);
}
