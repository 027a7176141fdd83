using System.Text;
using Conformance.Harness.Session;
using Conformance.Harness.Tests.Interpretation;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Secrets;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests;

/// <summary>
/// A pause in the middle of a line is the module's and is said (split-line); a long line at a slow UART's steady pace is
/// no pause, however long it takes from its first byte to its last.
/// </summary>
public class LinePauseTests
{
    [Test]
    public async Task A_long_publish_at_9600_baud_is_no_pause()
    {
        // 1,200 bytes of message at about 1 ms a byte, in reads of 32 bytes: 1.2 s from the first byte to the last.
        var message = new string('x', 1200);
        var lines = await ReadAsync(TimeSpan.FromMilliseconds(32), $"\r\n+MQTTPUBLISH: 0,0,0,0,\"dev/gsm/u\",1200,{message}\r\n\r\n+MQTTSTAT: 5\r\n\r\nOK\r\n");

        Assert.That(lines, Has.None.StartWith("split-line"));
    }

    [Test]
    public async Task Two_seconds_between_two_pieces_of_a_line_is_a_pause_said_once()
    {
        var lines = await ReadAsync(null, "\r\n+MQTTST", "AT: 5\r\n\r\nO", "K\r\n");

        Assert.That(lines.Where(l => l.StartsWith("split-line", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "split-line §1.11: '+MQTTSTAT: 5' came in pieces 2.0 s apart: the module paused in the middle of the line; reported once a scenario",
        }));
    }

    // Sends AT+MQTTSTAT? and feeds the answer: each chunk in reads of `step` bytes a millisecond per byte apart, or
    // (step null) each chunk whole, 2 s after the one before. Returns the stray lines as "code §section: message".
    private static async Task<List<string>> ReadAsync(TimeSpan? step, params string[] chunks)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 22, 40, 41, TimeSpan.Zero));
        var stream = new FeedStream();
        await using var session = new AtSession(stream, new TraceRecorder(TextWriter.Null, clock, "feed", SecretMasker.Shown), clock);
        session.Start();
        var reply = session.SendAsync(Mqtt.Stat(), TimeSpan.FromSeconds(30));
        foreach (var chunk in chunks)
        {
            var bytes = Encoding.Latin1.GetBytes(chunk);
            if (step is { } pace)
                for (var at = 0; at < bytes.Length; at += (int)pace.TotalMilliseconds)
                {
                    await stream.PushAsync(bytes[at..Math.Min(bytes.Length, at + (int)pace.TotalMilliseconds)]);
                    clock.Advance(pace);
                }
            else
            {
                await stream.PushAsync(bytes);
                clock.Advance(TimeSpan.FromSeconds(2));
            }
        }
        Assert.That((await reply).Final, Is.Not.Null);
        return [.. session.TakeStray().Select(s => $"{s.Deviation.Code} §{s.Deviation.Section}: {s.Deviation.Message}")];
    }
}
