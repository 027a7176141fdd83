using Conformance.Protocol.Responses;
using System.Text;
using Conformance.Protocol.Framing;

namespace Conformance.Protocol.Tests.Framing;

public class AtTokenizerTests
{
    private static List<(FrameKind, string)> Kinds(string stream, AtTokenizerOptions? options = null)
    {
        var whole = FrameRecord.Read(stream, options);
        Assert.That(FrameRecord.ReadBytewise(stream, options), Is.EqualTo(whole), "1-byte feeding must give the same frames");
        return whole.Select(f => (f.Kind, f.Text)).ToList();
    }

    [Test]
    public void Final_results_are_recognised_with_their_error_code()
    {
        var frames = FrameRecord.Read("\r\nOK\r\n\r\nERROR\r\n\r\n+CME ERROR: 601\r\n+CME ERROR:3\r\n+CME ERROR: operation not allowed\r\n");
        Assert.That(frames.Select(f => (f.Kind, f.Result, f.ErrorCode)), Is.EqualTo(new[]
        {
            (FrameKind.Final, FinalResultKind.Ok, -1),
            (FrameKind.Final, FinalResultKind.Error, -1),
            (FrameKind.Final, FinalResultKind.CmeError, 601),
            (FrameKind.Final, FinalResultKind.CmeError, 3),
            (FrameKind.Final, FinalResultKind.CmeError, -1),
        }));
    }

    [TestCase("OK\r\n+MQTTOPEN: OK\r\n")]
    [TestCase("\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n")]
    [TestCase("OK\n+MQTTOPEN: OK\n")]
    [TestCase("OK\r+MQTTOPEN: OK\r")]
    [TestCase("OK\r\r\n+MQTTOPEN: OK\r\r\n")]
    [TestCase("OK\r\n\r\n\n\r+MQTTOPEN: OK")]
    public void Every_line_end_splits_lines_and_empty_lines_are_dropped(string stream)
    {
        Assert.That(Kinds(stream), Is.EqualTo(new[] { (FrameKind.Final, "OK"), (FrameKind.Urc, "+MQTTOPEN: OK") }));
    }

    [Test]
    public void A_last_line_without_line_end_is_returned_truncated_at_the_end_of_input()
    {
        var frames = FrameRecord.Read("OK\r\n+MQTTOPE");
        Assert.That(frames[^1], Is.EqualTo(new FrameRecord(FrameKind.Urc, 4, 8, "+MQTTOPE", null, false, true, null, -1)));
    }

    [Test]
    public void Power_up_noise_becomes_noise_frames_and_the_lines_after_it_are_intact()
    {
        var frames = FrameRecord.Read("\0\0\xFF\xFF\r\n\xFF\0OK\r\n");
        Assert.That(frames.Select(f => (f.Kind, f.Offset, f.Length)), Is.EqualTo(new[]
        {
            (FrameKind.Noise, 0L, 4L), (FrameKind.Noise, 6L, 2L), (FrameKind.Final, 8L, 3L),
        }));
    }

    [TestCase("查询SIM卡状态")]   // 查 is 0xB2 0xE9: its first byte cannot start UTF-8
    [TestCase("连接成功")]        // 连 is 0xC1 0xAC
    [TestCase("状态: 正常")]
    public void A_GBK_line_starting_with_a_Chinese_character_is_a_line_not_noise(string chinese)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var line = Encoding.Latin1.GetString(Encoding.GetEncoding(936).GetBytes(chinese));

        Assert.That(Kinds("OK\r\n" + line + "\r\nOK\r\n"), Is.EqualTo(new[] { (FrameKind.Final, "OK"), (FrameKind.Info, line), (FrameKind.Final, "OK") }));
    }

    [TestCase("\x90\x91\xA0\xB5\r\nOK\r\n")]      // high bytes only, in GBK pairs
    [TestCase("\x90\x91OK\r\n")]                  // glued to the line after it
    [TestCase("\xB2\xE9\0\xFF\r\nOK\r\n")]        // a control byte and 0xFF in it
    public void Power_up_noise_that_happens_to_pair_like_GBK_stays_noise(string stream)
    {
        var kinds = Kinds(stream);

        Assert.That(kinds[0].Item1, Is.EqualTo(FrameKind.Noise));
        Assert.That(kinds[^1], Is.EqualTo((FrameKind.Final, "OK")));
    }

    [Test]
    public void A_prompt_is_a_frame_of_its_own_without_line_end()
    {
        Assert.That(Kinds("\r\n> "), Is.EqualTo(new[] { (FrameKind.Prompt, ">") }));
        Assert.That(Kinds("> OK\r\n"), Is.EqualTo(new[] { (FrameKind.Prompt, ">"), (FrameKind.Final, "OK") }));
    }

    [Test]
    public void An_overlong_line_is_reported_with_its_length_and_the_tokenizer_resynchronises()
    {
        var options = new AtTokenizerOptions { MaxFrameLength = 32, OverflowPreviewLength = 4 };
        var longLine = "+MQTTSUB:" + new string('x', 100);
        var frames = FrameRecord.Read("OK\r\n" + longLine + "\r\nOK\r\n", options);
        Assert.That(FrameRecord.ReadBytewise("OK\r\n" + longLine + "\r\nOK\r\n", options), Is.EqualTo(frames));
        Assert.That(frames.Select(f => (f.Kind, f.Offset, f.Length, f.Text)), Is.EqualTo(new[]
        {
            (FrameKind.Final, 0L, 3L, "OK"),
            (FrameKind.Overflow, 4L, (long)longLine.Length, "+MQT"),
            (FrameKind.Final, 4L + longLine.Length + 2, 3L, "OK"),
        }));
    }

    [Test]
    public void Memory_stays_bounded_by_the_frame_limit_on_an_endless_line()
    {
        var tokenizer = new AtTokenizer(new AtTokenizerOptions { MaxFrameLength = 1024 });
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)'x');
        var before = GC.GetAllocatedBytesForCurrentThread();
        var frames = 0;
        for (var i = 0; i < 160; i++)   // 10 MB of one line
        {
            ReadOnlySpan<byte> input = chunk;
            while (tokenizer.TryRead(ref input, out _)) frames++;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(frames, Is.Zero);
        Assert.That(allocated, Is.LessThan(4 * 1024));
        ReadOnlySpan<byte> end = "\r\nOK\r\n"u8;
        Assert.That(tokenizer.TryRead(ref end, out var overflow), Is.True);
        Assert.That((overflow.Kind, overflow.Length), Is.EqualTo((FrameKind.Overflow, 160L * chunk.Length)));
        Assert.That(tokenizer.TryRead(ref end, out var ok) && ok.Kind == FrameKind.Final, Is.True);
    }

    [Test]
    public void Publish_message_on_the_next_line_is_cut_by_msg_len_even_with_line_ends_inside()
    {
        var frames = FrameRecord.Read("+MQTTPUBLISH: 0,2,0,9,\"dev/gsm/u\",16\r\nupdate\r\nmessage\r\n+MQTTPUBREL: 0,9\r\n");
        Assert.That(frames, Is.EqualTo(new[]
        {
            new FrameRecord(FrameKind.Urc, 0, 54, "+MQTTPUBLISH: 0,2,0,9,\"dev/gsm/u\",16", "update\r\nmessage\r", false, false, null, -1),
            new FrameRecord(FrameKind.Urc, 55, 17, "+MQTTPUBREL: 0,9", null, false, false, null, -1),
        }));
    }

    [Test]
    public void Inline_publish_message_may_contain_commas_quotes_line_ends_and_any_byte()
    {
        var message = "a,\"b\"\r\n+MQTTPUBREL: 0,1\r\n\xFF\0";
        var stream = $"OK\r\n+MQTTPUBLISH:0,1,0,3,dev/gsm/u,{message.Length},{message}\r\n+MQTTPUBACK:1,0\r\n";
        var frames = FrameRecord.Read(stream);
        Assert.That(FrameRecord.ReadBytewise(stream), Is.EqualTo(frames));
        Assert.That(frames.Select(f => (f.Kind, f.Text, f.Payload, f.Inline)), Is.EqualTo(new[]
        {
            (FrameKind.Final, "OK", (string?)null, false),
            (FrameKind.Urc, "+MQTTPUBLISH:0,1,0,3,dev/gsm/u,27", message, true),
            (FrameKind.Urc, "+MQTTPUBACK:1,0", null, false),
        }));
    }

    // Firmware that counts msg_len otherwise than in bytes: the characters of UTF-8 text (under), the line end with the
    // message or a GBK count of converted text (over). The message is its line; the parser reports the mismatch.
    // 温度正常 in UTF-8, one character per byte as the stream's text: 12 bytes, 4 characters.
    [TestCase("+MQTTPUBLISH: 0,0,0,0,\"a/b\",4,\u00E6\u00B8\u00A9\u00E5\u00BA\u00A6\u00E6\u00AD\u00A3\u00E5\u00B8\u00B8\r\nOK\r\n",
        "\u00E6\u00B8\u00A9\u00E5\u00BA\u00A6\u00E6\u00AD\u00A3\u00E5\u00B8\u00B8", TestName = "msg_len counting characters, not bytes")]
    [TestCase("+MQTTPUBLISH: 0,0,0,0,\"a/b\",7,hello\r\nOK\r\n", "hello", TestName = "msg_len counting the line end")]
    [TestCase("+MQTTPUBLISH: 0,0,0,0,\"a/b\",10,hello\r\n\r\nOK\r\n", "hello", TestName = "msg_len past the line end into a final result")]
    [TestCase("+MQTTPUBLISH: 0,0,0,0,\"a/b\",9,hi\r\n+MQTTPUBACK: 3,1\r\nOK\r\n", "hi", TestName = "msg_len past the line end into a URC")]
    [TestCase("+MQTTPUBLISH: 0,0,0,0,\"a/b\",900,hi\r\nOK\r\n", "hi", TestName = "msg_len far beyond what comes")]
    // The same miscounts with the message on the next line (msg_len one byte short was read as the message cut before
    // its last character, and that character as a stray line).
    [TestCase("+MQTTPUBLISH: 0,1,0,9,\"dev/gsm/u\",13\r\nupdate message\r\nOK\r\n", "update message", TestName = "next line, msg_len one short")]
    [TestCase("+MQTTPUBLISH: 0,1,0,9,\"dev/gsm/u\",16\r\nupdate message\r\nOK\r\n", "update message", TestName = "next line, msg_len counting the line end")]
    [TestCase("+MQTTPUBLISH: 0,1,0,9,\"dev/gsm/u\",20\r\nupdate message\r\n+MQTTPUBACK: 3,1\r\nOK\r\n", "update message", TestName = "next line, msg_len past the line end into a URC")]
    public void A_message_whose_msg_len_is_miscounted_is_its_line(string stream, string message)
    {
        var frames = FrameRecord.Read(stream);

        Assert.That(FrameRecord.ReadBytewise(stream), Is.EqualTo(frames), "1-byte feeding must give the same frames");
        Assert.That(frames[0].Payload, Is.EqualTo(message));
        Assert.That(frames.Skip(1).Select(f => f.Kind), Is.All.Not.EqualTo(FrameKind.Info), "no stray piece of the message");
        Assert.That(frames.Skip(1).Select(f => f.Kind), Has.Member(FrameKind.Final), "the final result after it is not swallowed");
        Assert.That(UrcParser.Parse(frames[0].Text, Encoding.Latin1.GetBytes(message)).Deviations.Select(d => d.Code), Has.Member("message-len-mismatch"));
    }

    // A live host that waited in vain for the rest reads what it holds as the end of the stream: the same message as when a line followed.
    [TestCase("+MQTTPUBLISH:0,1,0,3,a/b,7,hello\r\n", TestName = "msg_len counting the line end, the stream ending there")]
    [TestCase("+MQTTPUBLISH:0,1,0,3,a/b,900,hello\r\n", TestName = "msg_len far beyond the end of the stream")]
    public void An_inline_message_whose_count_runs_past_the_end_of_the_stream_is_its_line(string stream)
    {
        var frames = FrameRecord.Read(stream);

        Assert.That(FrameRecord.ReadBytewise(stream), Is.EqualTo(frames));
        Assert.That((frames.Single().Payload, frames.Single().Truncated), Is.EqualTo(("hello", false)));
        Assert.That(UrcParser.Parse(frames[0].Text, "hello"u8).Deviations.Select(d => d.Code), Has.Member("message-len-mismatch"));
    }

    [TestCase("+MQTTPUBLISH: 0,0,0,0,t,14,line\r\nOK\r\nmore\r\nOK\r\n", "line\r\nOK\r\nmore")]
    [TestCase("+MQTTPUBLISH: 0,0,0,0,t,10,line\r\nnote\r\nOK\r\n", "line\r\nnote")]
    [TestCase("+MQTTPUBLISH: 0,1,0,9,\"dev/gsm/u\",15\r\nupdate\r\nmessage\r\nOK\r\n", "update\r\nmessage")]
    [TestCase("+MQTTPUBLISH: 0,1,0,9,\"dev/gsm/u\",14\r\nline\r\nOK\r\nmore\r\nOK\r\n", "line\r\nOK\r\nmore")]
    public void A_message_that_holds_line_ends_is_cut_by_its_count_when_the_count_ends_a_line(string stream, string message)
    {
        // A true count ends where the module's line end follows: lines inside the message stay in it, even `OK`.
        var frames = FrameRecord.Read(stream);

        Assert.That(FrameRecord.ReadBytewise(stream), Is.EqualTo(frames));
        Assert.That((frames[0].Payload, frames.Count), Is.EqualTo((message, 2)));
    }

    [Test]
    public void A_publish_whose_message_does_not_fit_is_an_overflow_and_its_bytes_are_skipped()
    {
        var options = new AtTokenizerOptions { MaxFrameLength = 64, OverflowPreviewLength = 12 };
        var message = new string('z', 500) + "\r\nOK\r\n";
        var stream = $"+MQTTPUBLISH:0,0,0,0,t,{message.Length},{message}\r\nOK\r\n";
        var frames = FrameRecord.Read(stream, options);
        Assert.That(FrameRecord.ReadBytewise(stream, options), Is.EqualTo(frames));
        Assert.That(frames.Select(f => (f.Kind, f.Text)), Is.EqualTo(new[] { (FrameKind.Overflow, "+MQTTPUBLISH"), (FrameKind.Final, "OK") }));
        Assert.That(frames[0].Length, Is.EqualTo($"+MQTTPUBLISH:0,0,0,0,t,{message.Length}".Length + message.Length));
    }

    [Test]
    public void A_publish_message_cut_short_by_the_end_of_input_is_truncated()
    {
        var frames = FrameRecord.Read("+MQTTPUBLISH: 0,0,0,0,\"t\",14\r\nupdate");
        Assert.That((frames.Single().Payload, frames.Single().Truncated), Is.EqualTo(("update", true)));
    }

    [Test]
    public void Subscription_list_lines_answer_the_read_command_while_suback_is_always_a_urc()
    {
        var tokenizer = new AtTokenizer(new AtTokenizerOptions { CommandsKnown = true });
        tokenizer.CommandSent("AT+MQTTSUB?\r\n"u8);
        var frames = FrameRecord.Read(tokenizer, [Encoding.ASCII.GetBytes("AT+MQTTSUB?\r\r\n+MQTTSUB:\r\ndev/gsm/u\r\n+MQTTSUBACK: 5,2\r\nOK\r\n+MQTTSUB:\r\nled2\r\n")]);
        Assert.That(frames.Select(f => (f.Kind, f.Text)), Is.EqualTo(new[]
        {
            (FrameKind.Echo, "AT+MQTTSUB?"),
            (FrameKind.Info, "+MQTTSUB:"),
            (FrameKind.Info, "dev/gsm/u"),
            (FrameKind.Urc, "+MQTTSUBACK: 5,2"),
            (FrameKind.Final, "OK"),
            (FrameKind.Urc, "+MQTTSUB:"),   // nothing pending any more: unsolicited
            (FrameKind.Urc, "led2"),
        }));
        Assert.That(tokenizer.CommandPending, Is.False);
    }

    [Test]
    public void A_response_name_answers_only_a_command_of_that_name()
    {
        var tokenizer = new AtTokenizer(new AtTokenizerOptions { CommandsKnown = true });
        tokenizer.CommandSent("AT+CSQ"u8);
        var frames = FrameRecord.Read(tokenizer, [Encoding.ASCII.GetBytes("+CEREG: 1\r\n+CSQ: 31,99\r\nOK\r\n")]);
        Assert.That(frames.Select(f => f.Kind), Is.EqualTo(new[] { FrameKind.Urc, FrameKind.Info, FrameKind.Final }));
    }

    [TestCase("AT+CGATT ?", TestName = "a space before the form sign")]
    [TestCase("AT+CGATT?  ", TestName = "spaces after the form sign")]
    [TestCase("AT+CGATT   ", TestName = "a terminal's padding after a bare name")]
    [TestCase("AT+CGATT\t", TestName = "a tab after a bare name")]
    public void Spaces_around_the_name_are_no_part_of_the_name_the_answer_repeats(string command)
    {
        var tokenizer = new AtTokenizer(new AtTokenizerOptions { CommandsKnown = true });
        tokenizer.CommandSent(Encoding.ASCII.GetBytes(command));
        var frames = FrameRecord.Read(tokenizer, [Encoding.ASCII.GetBytes("+CGATT: 1\r\nOK\r\n")]);
        Assert.That(frames.Select(f => f.Kind), Is.EqualTo(new[] { FrameKind.Info, FrameKind.Final }));
    }

    [TestCase("at+csq")]
    [TestCase("At+Csq")]
    public void A_command_typed_in_lower_case_is_answered_by_its_name_in_upper_case(string typed)
    {
        var tokenizer = new AtTokenizer(new AtTokenizerOptions { CommandsKnown = true });
        tokenizer.CommandSent(Encoding.ASCII.GetBytes(typed));
        var frames = FrameRecord.Read(tokenizer, [Encoding.ASCII.GetBytes("+CEREG: 1\r\n+CSQ: 31,99\r\nOK\r\n")]);
        Assert.That(frames.Select(f => f.Kind), Is.EqualTo(new[] { FrameKind.Urc, FrameKind.Info, FrameKind.Final }));
    }

    [Test]
    public void Without_the_host_side_lines_are_classified_by_name_and_command_lines_are_echoes()
    {
        Assert.That(Kinds("AT+MQTTSTAT?\r\n+MQTTSTAT: 5\r\nOK\r\n+MQTTSUBACK:1,1,pyr\r\n+CGSN: 866971030000000\r\n"), Is.EqualTo(new[]
        {
            (FrameKind.Echo, "AT+MQTTSTAT?"), (FrameKind.Info, "+MQTTSTAT: 5"), (FrameKind.Final, "OK"),
            (FrameKind.Urc, "+MQTTSUBACK:1,1,pyr"), (FrameKind.Info, "+CGSN: 866971030000000"),
        }));
    }

    [Test]
    public void Only_the_exact_command_text_counts_as_its_echo_and_only_once()
    {
        var tokenizer = new AtTokenizer(new AtTokenizerOptions { CommandsKnown = true });
        tokenizer.CommandSent("AT"u8);
        var frames = FrameRecord.Read(tokenizer, [Encoding.ASCII.GetBytes("AT\r\nAT\r\nOK\r\n")]);
        Assert.That(frames.Select(f => f.Kind), Is.EqualTo(new[] { FrameKind.Echo, FrameKind.Info, FrameKind.Final }));
    }

    [Test]
    public void Offsets_count_bytes_from_the_start_of_the_stream()
    {
        var frames = FrameRecord.Read("\r\n+CSQ: 31,99\r\n\r\nOK\r\n");
        Assert.That(frames.Select(f => f.Offset), Is.EqualTo(new[] { 2L, 17L }));
    }
}
