using System.Text;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Tracing;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests;

public class TraceTests
{
    [Test]
    public void Bytes_written_to_a_trace_read_back_exactly_in_both_directions()
    {
        Gen.Select(Gen.Byte.Array[0, 40].List[1, 8], Gen.Byte.Array[0, 40].List[1, 8]).Sample((sent, received) =>
        {
            var text = new StringWriter();
            var clock = new FakeTimeProvider();
            using (var recorder = new TraceRecorder(text, clock, "tcp:127.0.0.1:5310", SecretMasker.Shown))
            {
                foreach (var chunk in sent) recorder.Sent(chunk);
                foreach (var chunk in received) { clock.Advance(TimeSpan.FromMilliseconds(1.5)); recorder.Received(chunk); }
            }
            var trace = TraceFile.Read(new StringReader(text.ToString()), "trace");
            Assert.That(trace.Bytes(TraceDirection.ToModule), Is.EqualTo(sent.SelectMany(c => c).ToArray()));
            Assert.That(trace.Bytes(TraceDirection.FromModule), Is.EqualTo(received.SelectMany(c => c).ToArray()));
        });
    }

    [Test]
    public void A_password_field_read_byte_by_byte_leaves_no_empty_record()
    {
        var text = new StringWriter();
        using (var recorder = new TraceRecorder(text, new FakeTimeProvider(), "tcp:127.0.0.1:5310", new SecretMasker(["s3cr3t-api-key"])))
            foreach (var b in "\r\n+MQTTCFG: \"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"***\",1\r\n"u8.ToArray()) recorder.Received([b]);

        var trace = TraceFile.Read(new StringReader(text.ToString()), "trace");
        Assert.That(trace.Records.Where(r => r.Record.Data.Length == 0).Select(r => r.Number), Is.Empty, "a record of no bytes reads as the link closing on replay");
        Assert.That(Encoding.UTF8.GetString(trace.Bytes(TraceDirection.FromModule)), Does.EndWith("\"75829\",\"***\",1\r\n"));
    }

    [Test]
    public void Received_bytes_are_cut_after_each_line_end_so_the_trace_reads_line_by_line()
    {
        var text = new StringWriter();
        using (var recorder = new TraceRecorder(text, new FakeTimeProvider(), "emulator", SecretMasker.Shown))
            recorder.Received("\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n"u8);

        var records = TraceFile.Read(new StringReader(text.ToString()), "trace").Records.Select(r => r.Record.Text);
        Assert.That(records, Is.EqualTo(new[] { "\r\n", "OK\r\n\r\n", "+MQTTOPEN: OK\r\n" }));
    }

    [Test]
    public void The_api_key_is_masked_in_commands_and_wherever_it_comes_back()
    {
        var text = new StringWriter();
        using (var recorder = new TraceRecorder(text, new FakeTimeProvider(), "emulator", new SecretMasker(["s3cr3t"])))
        {
            recorder.Sent(Encoding.UTF8.GetBytes("AT+MQTTCFG=\"h\",1883,\"d\",60,\"p\",\"s3cr3t\",1\r\n"));
            recorder.Received("+MQTTCFG: \"h\",1883,\"d\",60,\"p\",\"s3cr3t\",1\r\n"u8);
        }

        Assert.That(text.ToString(), Does.Not.Contain("s3cr3t"));
        Assert.That(text.ToString(), Does.Contain("# secrets: masked"));
        Assert.That(text.ToString(), Does.Contain("> AT+MQTTCFG=\"h\",1883,\"d\",60,\"p\",\"***\",1\\r\\n"));
    }

    [Test]
    public void A_key_split_across_two_reads_leaves_no_part_of_it_in_the_trace()
    {
        var text = new StringWriter();
        using (var recorder = new TraceRecorder(text, new FakeTimeProvider(), "serial:/dev/ttyUSB0", new SecretMasker(["TopSecret123456"])))
        {
            recorder.Received("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"TopSec"u8);
            recorder.Received("ret123456\",1\r\n"u8);
            recorder.Event("step failed: got 'TopSecret123456'");
        }

        Assert.That(text.ToString(), Does.Not.Contain("TopSec").And.Not.Contain("123456"));
        Assert.That(text.ToString(), Does.Contain("got '***'"));
    }

    [Test]
    public void A_file_that_is_not_a_trace_is_rejected_naming_the_line()
    {
        Assert.That(() => TraceFile.Read(new StringReader("# conformance-trace 1\nnot a record\n"), "x.trace"),
            Throws.TypeOf<FormatException>().With.Message.StartsWith("x.trace:2: "));
    }
}
