using System.Text;
using System.Text.Json;

namespace Conformance.Cli.Tests;

public class FramesCommandTests
{
    private static readonly byte[] Capture = Encoding.Latin1.GetBytes(
        "\0\0\xFF\xFF\r\nOK\r\n+MQTTOPEN: OK\r\n" +                        // power-up noise, URC glued to OK
        "\r\nOK\r\n\r\n+MQTTSUBACK: 5,2\r\n" +
        "+MQTTPUBLISH: 0,2,0,9,\"dev/gsm/u\",15\r\nupdate\r\nmessage\r\n" +  // message containing CR LF
        "+MQTTPUBLISH:0,0,0,0,led2,3,~z\xFF\r\n" +                            // not valid UTF-8
        "+CME ERROR: 601\r\n");

    private string _file = "";

    [SetUp]
    public void WriteCapture()
    {
        _file = Path.Combine(Path.GetTempPath(), $"capture-{Guid.NewGuid():N}.raw");
        File.WriteAllBytes(_file, Capture);
    }

    [TearDown]
    public void DeleteCapture() => File.Delete(_file);

    [Test]
    public async Task A_full_disk_under_standard_output_exits_2_with_one_line_not_a_stack_trace()
    {
        var (exit, _, error) = await ConformanceProcess.RunIntoAsync("/dev/full", "frames", _file);

        Assert.That(exit, Is.EqualTo(2), error);
        Assert.That(error, Is.EqualTo("conformance: cannot write to standard output: No space left on device\n"), "one clear line, no stack trace");
    }

    [Test]
    public async Task Prints_one_json_object_per_frame()
    {
        var run = await ConformanceProcess.RunAsync(null, "frames", _file);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var frames = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.That(frames.Select(f => f.GetProperty("kind").GetString()),
            Is.EqualTo(new[] { "noise", "final", "urc", "final", "urc", "urc", "urc", "final" }));
        Assert.That(frames[2].GetProperty("text").GetString(), Is.EqualTo("+MQTTOPEN: OK"));
        Assert.That(frames[2].GetProperty("offset").GetInt64(), Is.EqualTo(10));
        Assert.That(frames[5].GetProperty("payload").GetString(), Is.EqualTo("update\r\nmessage"));
        Assert.That(frames[6].GetProperty("payloadHex").GetString(), Is.EqualTo("7E7AFF"));
        Assert.That(frames[7].GetProperty("errorCode").GetInt32(), Is.EqualTo(601));
    }

    [Test]
    public async Task A_gbk_message_reads_as_its_characters()
    {
        byte[] capture = [.. "\r\n+MQTTPUBLISH: 0,0,0,0,\"t\",4,"u8, 0xCE, 0xC2, 0xB6, 0xC8, .. "\r\n"u8];

        var run = await ConformanceProcess.RunAsync(capture, "frames", "-");

        var frame = JsonDocument.Parse(run.StandardOutput.Split('\n')[0]).RootElement;
        Assert.That(frame.GetProperty("payload").GetString(), Is.EqualTo("温度"));
        Assert.That(frame.GetProperty("payloadHex").GetString(), Is.EqualTo("CEC2B6C8"));
    }

    [Test]
    public async Task Reads_standard_input_when_the_file_is_a_dash()
    {
        var fromFile = await ConformanceProcess.RunAsync(null, "frames", _file);
        var fromStdin = await ConformanceProcess.RunAsync(Capture, "frames", "-");

        Assert.That(fromStdin.ExitCode, Is.Zero, fromStdin.StandardError);
        Assert.That(fromStdin.StandardOutput, Is.EqualTo(fromFile.StandardOutput));
    }

    [Test]
    public async Task A_gzip_or_UTF16_capture_is_framed_as_the_text_it_holds_with_its_password_masked()
    {
        const string text = "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev01\",120,\"prod01\",\"Zq8Wr3Lx6Tp1\",1\r\nOK\r\n+MQTTOPEN: OK\r\n";
        var plain = Path.Combine(Path.GetTempPath(), $"capture-{Guid.NewGuid():N}.raw");
        var gzip = plain + ".gz";
        var utf16 = plain + ".utf16";
        try
        {
            await File.WriteAllTextAsync(plain, text);
            await using (var file = File.Create(gzip))
            await using (var zip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
                await zip.WriteAsync(Encoding.UTF8.GetBytes(text));
            await File.WriteAllBytesAsync(utf16, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);

            var expected = await ConformanceProcess.RunAsync(null, "frames", plain);
            foreach (var input in new[] { gzip, utf16 })
            {
                var run = await ConformanceProcess.RunAsync(null, "frames", input);

                Assert.That(run.ExitCode, Is.Zero, run.StandardError);
                Assert.That(run.StandardOutput, Is.EqualTo(expected.StandardOutput), input);
                Assert.That(run.StandardOutput, Does.Contain("\"kind\":\"urc\"").And.Not.Contain("Zq8Wr3Lx6Tp1"));
            }
        }
        finally
        {
            foreach (var file in new[] { plain, gzip, utf16 }) File.Delete(file);
        }
    }

    [Test]
    public async Task A_hex_dump_a_logic_analyser_export_or_a_socat_dump_is_framed_as_the_bytes_it_holds_and_no_secret_shows_in_any_notation()
    {
        const string session = "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev42\",120,\"prodX\",\"Vk7Pq2Zm9Rt4\",1\r\r\nOK\r\n+MQTTOPEN: OK\r\n";
        var bytes = Encoding.ASCII.GetBytes(session);
        // `hexdump -C` as a user pastes it: the password lies across two rows, in hex and in the character column.
        var dump = new StringBuilder();
        for (var row = 0; row < bytes.Length; row += 16)
        {
            var chunk = bytes.AsSpan(row, Math.Min(16, bytes.Length - row)).ToArray();
            var hex = string.Join(" ", chunk.Select(b => $"{b:x2}"));
            dump.Append($"{row:x8}  {hex,-48}  |{new string(chunk.Select(b => b is >= 32 and < 127 ? (char)b : '.').ToArray())}|\n");
        }
        // A Saleae Logic 2 serial export: one byte per row.
        var logic = new StringBuilder("name,type,start_time,duration,\"data\"\n");
        for (var i = 0; i < bytes.Length; i++) logic.Append($"Async Serial,data,{i * 0.0001:F9},8.68e-05,0x{bytes[i]:X2}\n");
        // `socat -v`: packets of the host's line cut inside the password, CR written `\r`, the module's answer after.
        var sent = session[..(session.IndexOf('\n') + 1)];
        var socat = new StringBuilder();
        var at = 0;
        foreach (var cut in new[] { 56, 62, sent.Length })
        {
            var packet = sent[at..cut];
            socat.Append($"> 2026/11/30 10:00:00.{at:D6}  length={packet.Length} from={at} to={cut - 1}\n{packet.Replace("\r", "\\r").TrimEnd('\n')}\n");
            at = cut;
        }
        var answer = session[sent.Length..];
        socat.Append($"< 2026/11/30 10:00:00.100000  length={answer.Length} from=0 to={answer.Length - 1}\n{answer.Replace("\r", "\\r").TrimEnd('\n')}\n");
        var raw = await ConformanceProcess.RunAsync(bytes, "frames", "-");
        foreach (var (name, text) in new[] { ("capture.hex", dump.ToString()), ("capture.csv", logic.ToString()), ("capture.socat", socat.ToString()) })
        {
            var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");
            try
            {
                await File.WriteAllTextAsync(path, text);

                var run = await ConformanceProcess.RunAsync(null, "frames", path);

                Assert.That(run.ExitCode, Is.Zero, run.StandardError);
                Assert.That(run.StandardOutput, Is.EqualTo(raw.StandardOutput), $"{name}: the frames of the bytes it holds");
                Assert.That(run.StandardError, Does.Contain("framing the bytes it holds"));
                var everything = run.StandardOutput + run.StandardError;
                foreach (var secret in new[] { "Vk7Pq2Zm9Rt4", "Pq2Zm9", "56 6b 37 50", "0x56" })
                    Assert.That(everything, Does.Not.Contain(secret), $"{name}: {secret}");
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [Test]
    public async Task A_damaged_gzip_capture_exits_2_naming_it()
    {
        await File.WriteAllBytesAsync(_file, [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, .. "garbage, not deflate"u8]);

        var run = await ConformanceProcess.RunAsync(null, "frames", _file);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain(_file).And.Contain("gzip"));
    }

    [Test]
    public async Task A_missing_file_exits_2_with_a_message_naming_it()
    {
        var run = await ConformanceProcess.RunAsync(null, "frames", "/nonexistent/capture.raw");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("/nonexistent/capture.raw"));
        Assert.That(run.StandardOutput, Is.Empty);
    }

    [Test]
    public async Task A_directory_exits_2_with_a_clear_message()
    {
        var run = await ConformanceProcess.RunAsync(null, "frames", Path.GetTempPath());

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("is a directory"));
    }

    [Test]
    public async Task Missing_arguments_exit_2()
    {
        var run = await ConformanceProcess.RunAsync(null, "frames");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("Required argument missing"));
    }

    [Test]
    public async Task Annotations_are_text_banners_are_urcs_and_a_gbk_line_reads_as_chinese()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(_file, [.. Encoding.UTF8.GetBytes("[1] User configuration\r\n----------\r\n查询SIM卡状态\r\n"),
            .. Encoding.GetEncoding(936).GetBytes("MQTT连接成功\r\n"), .. Encoding.ASCII.GetBytes("RDY\r\n   \r\n")]);

        var run = await ConformanceProcess.RunAsync(null, "frames", _file);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var events = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.That(events.Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("text").GetString())),
            Is.EqualTo(new[] { ("text", "[1] User configuration"), ("text", "----------"), ("text", "查询SIM卡状态"), ("text", "MQTT连接成功"), ("urc", "RDY") }));
        Assert.That(events[3].GetProperty("textHex").GetString(), Is.EqualTo(Convert.ToHexString(Encoding.GetEncoding(936).GetBytes("MQTT连接成功"))));
    }
}
