using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

public class TranscriptTests
{
    private static List<(LogDirection Direction, string Line)> Read(string text, LogFormat expected = LogFormat.Transcript)
    {
        var (source, records) = TempLog.Read(text);
        Assert.That(source.Format, Is.EqualTo(expected), () => string.Join(", ", source.Detection.Scores));
        return Traffic.Lines(records);
    }

    private static readonly (LogDirection, string)[] CsqExchange =
    [
        (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 20,99"), (LogDirection.FromModule, "OK"),
    ];

    [TestCase("=> AT+CSQ\n<= +CSQ: 20,99\n<= OK\n")]
    [TestCase("--> AT+CSQ\n<-- +CSQ: 20,99\n<-- OK\n")]
    [TestCase(">> AT+CSQ\n<< +CSQ: 20,99\n<< OK\n")]
    [TestCase("» AT+CSQ\n« +CSQ: 20,99\n« OK\n")]
    [TestCase("→ AT+CSQ\n← +CSQ: 20,99\n← OK\n")]
    [TestCase("-> AT+CSQ\n<- +CSQ: 20,99\n<- OK\n")]
    [TestCase("```\n→ AT+CSQ\n← +CSQ: 20,99\n← OK\n```\n")]
    [TestCase("TX: AT+CSQ\nRX: +CSQ: 20,99\nRX: OK\n")]
    [TestCase("[TX] AT+CSQ\n[RX] +CSQ: 20,99\n[RX] OK\n")]
    [TestCase("Send: AT+CSQ\nRecv: +CSQ: 20,99\nRecv: OK\n")]
    [TestCase("发送: AT+CSQ\n接收: +CSQ: 20,99\n接收：OK\n")]
    [TestCase("发出: AT+CSQ\n收到: +CSQ: 20,99\n收到：OK\n")]
    [TestCase("[10:11:12.123] TX: AT+CSQ\n[10:11:12.180] RX: +CSQ: 20,99\n[10:11:12.181] RX: OK\n")]
    [TestCase("2026-11-30T10:11:12.123456+0800 gw-0417 bridge[611]: TX: AT+CSQ\n2026-11-30T10:11:12.180001+0800 gw-0417 bridge[611]: RX: +CSQ: 20,99\n2026-11-30T10:11:12.181002+0800 gw-0417 bridge[611]: RX: OK\n")]
    [TestCase("2026-11-30T10:11:12.123456+08:00 bridge[611]: TX: AT+CSQ\n2026-11-30T10:11:12.180001+08:00 bridge[611]: RX: +CSQ: 20,99\n2026-11-30T10:11:12.181002+08:00 bridge[611]: RX: OK\n")]
    [TestCase("DEBUG:modem:TX: AT+CSQ\nDEBUG:modem:RX: +CSQ: 20,99\nINFO:modem.serial:RX: OK\n")]
    [TestCase("Nov 30 10:11:12.123456 gw bridge[611]: TX: AT+CSQ\nNov 30 10:11:12.180001 gw bridge[611]: RX: +CSQ: 20,99\nNov 30 10:11:12.181002 gw bridge[611]: RX: OK\n")]
    public void Every_convention_is_detected_with_its_direction(string log)
    {
        Assert.That(Read(log), Is.EqualTo(CsqExchange));
    }

    [Test]
    public void A_loggers_single_letter_before_words_is_no_command()
    {
        // TX/RX traffic with the MCU's own prints between: a temperature (`T:`) and a warning (`W:`).
        const string log = """
            [10:00:00.000] TX: AT+CSQ
            [10:00:00.050] RX: +CSQ: 20,99
            [10:00:00.060] RX: OK
            [10:00:01.000] T: 25.3
            [10:00:01.500] W: low battery
            [10:00:02.000] TX: AT+CSQ
            [10:00:02.050] RX: +CSQ: 21,99
            [10:00:02.060] RX: OK
            """;

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Line, e.Command, e.Final)), Is.EqualTo(new (long, string, string?)[] { (1, "AT+CSQ", "OK"), (6, "AT+CSQ", "OK") }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }

    [Test]
    public void Arrows_written_the_other_way_round_follow_the_side_that_sends_the_commands()
    {
        var lines = Read("<-- AT+CGATT?\n--> +CGATT: 1\n--> OK\n<-- AT+CSQ\n--> +CSQ: 20,99\n--> OK\n");

        Assert.That(lines, Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+CGATT?"), (LogDirection.FromModule, "+CGATT: 1"), (LogDirection.FromModule, "OK"),
            (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 20,99"), (LogDirection.FromModule, "OK"),
        }));
    }

    [Test]
    public void With_one_arrow_for_everything_an_at_command_is_the_hosts()
    {
        Assert.That(Read("--> AT+CSQ\n--> +CSQ: 20,99\n--> OK\n--> AT+CSQ\n--> +CSQ: 20,99\n--> OK\n"), Is.EqualTo(CsqExchange.Concat(CsqExchange)));
    }

    [Test]
    public void Data_the_host_sends_after_a_prompt_keeps_the_arrows_direction()
    {
        var lines = Read("=> AT+MQTTPUB=\"t\",1,0,0,0\n<= >\n=> {\"temp\":25}\n<= OK\n=> AT+CSQ\n<= +CSQ: 20,99\n<= OK\n");

        Assert.That(lines[2], Is.EqualTo((LogDirection.ToModule, "{\"temp\":25}")));
    }

    [TestCase("> AT+CSQ\n< +CSQ: 20,99\n< OK\n", TestName = "single marks")]
    [TestCase(">AT+CSQ\n<+CSQ: 20,99\n<OK\n", TestName = "single marks without a space")]
    [TestCase("< AT+CSQ\n> +CSQ: 20,99\n> OK\n", TestName = "single marks the other way round")]
    [TestCase("[10:11:12.123] > AT+CSQ\n[10:11:12.180] < +CSQ: 20,99\n[10:11:12.181] < OK\n", TestName = "single marks after a stamp")]
    public void Single_direction_marks_are_read_from_which_one_carries_the_commands(string log)
    {
        Assert.That(Read(log), Is.EqualTo(CsqExchange));
    }

    [Test]
    public void The_modules_prompt_stays_a_prompt_among_single_marks()
    {
        var lines = Read("> AT+MQTTPUB=\"t\",1,0,0,0\n< >\n> {\"temp\":25}\n< OK\n> AT+CSQ\n< +CSQ: 20,99\n< OK\n");

        Assert.That(lines.Take(4), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+MQTTPUB=\"t\",1,0,0,0"), (LogDirection.FromModule, ">"),
            (LogDirection.ToModule, "{\"temp\":25}"), (LogDirection.FromModule, "OK"),
        }));
    }

    [TestCase("> [15:37:11.116]发→◇AT+CSQ\n> □\n> [15:37:11.141]收←◆\n> +CSQ: 20,99\n> \n> OK\n", LogFormat.Sscom, TestName = "an sscom capture quoted in a mail")]
    [TestCase("> => AT+CSQ\n> <= +CSQ: 20,99\n> <= OK\n", LogFormat.Transcript, TestName = "a transcript quoted in a mail")]
    public void A_single_mark_on_every_line_is_a_quote_not_a_direction(string log, LogFormat format)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That((source.Format, source.Detection.CommentPrefix), Is.EqualTo((format, "> ")));
        Assert.That(Traffic.Lines(records), Is.EqualTo(CsqExchange));
    }

    [Test]
    public void A_prompt_with_data_typed_after_it_in_an_unmarked_log_keeps_its_mark()
    {
        var lines = Read("AT+CIPSEND=0,5\nOK\n> hello\nSEND OK\nAT+CSQ\n+CSQ: 20,99\nOK\n", LogFormat.Raw);

        Assert.That(lines, Does.Contain((LogDirection.FromModule, "> hello")).Or.Contain((LogDirection.ToModule, "hello")));
        Assert.That(lines, Does.Not.Contain((LogDirection.ToModule, "> hello")));
    }

    [TestCase("<= OK +MQTTSUBACK:1,0,t", new[] { "OK", "+MQTTSUBACK:1,0,t" })]
    [TestCase("<= +CFUN: 1 OK", new[] { "+CFUN: 1", "OK" })]
    [TestCase("<= +CSQ: 20,99 OK +CEREG: 1", new[] { "+CSQ: 20,99", "OK", "+CEREG: 1" })]
    [TestCase("<= +CME ERROR: 58", new[] { "+CME ERROR: 58" })]
    [TestCase("<= +MQTTOPEN: OK", new[] { "+MQTTOPEN: OK" })]
    [TestCase("<= SEND OK", new[] { "SEND OK" })]
    [TestCase("<= +MQTTPUBLISH:0,0,0,0,t,7,\"x OK +Y:\"", new[] { "+MQTTPUBLISH:0,0,0,0,t,7,\"x OK +Y:\"" })]
    [TestCase("<= AT version:1.7.4.0(May 11 2020 19:13:04) OK", new[] { "AT version:1.7.4.0(May 11 2020 19:13:04)", "OK" })]
    public void An_answer_collapsed_onto_one_line_is_split_into_the_modules_lines(string answer, string[] parts)
    {
        var lines = Read($"=> AT+X\n{answer}\n");

        Assert.That(lines.Skip(1), Is.EqualTo(parts.Select(p => (LogDirection.FromModule, p))));
    }

    [TestCase("AT+CSQ -> +CSQ: 18,99 OK", "AT+CSQ", new[] { "+CSQ: 18,99", "OK" })]
    [TestCase("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\" => OK, +MQTTOPEN: OK", "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", new[] { "OK", "+MQTTOPEN: OK" })]
    [TestCase("AT+CGATT?  返回 +CGATT: 1  OK", "AT+CGATT?", new[] { "+CGATT: 1", "OK" })]
    [TestCase("发送AT+CSQ 收到+CSQ: 18,99 OK", "AT+CSQ", new[] { "+CSQ: 18,99", "OK" })]
    [TestCase("AT+CPIN?→+CPIN: READY", "AT+CPIN?", new[] { "+CPIN: READY" })]
    [TestCase("AT+CEREG? returns +CEREG: 0,1 OK", "AT+CEREG?", new[] { "+CEREG: 0,1", "OK" })]
    [TestCase("AT+MQTTSUB=\"a/->/b\",1 --> +CME ERROR: 3", "AT+MQTTSUB=\"a/->/b\",1", new[] { "+CME ERROR: 3" })]
    [TestCase("=> AT+MQTTDISC -> OK", "AT+MQTTDISC", new[] { "OK" })]
    public void A_command_written_with_its_answer_on_one_line_is_the_hosts_command_and_the_modules_lines(string line, string command, string[] answer)
    {
        var lines = Read($"{line}\n");

        Assert.That(lines, Is.EqualTo(answer.Select(part => (LogDirection.FromModule, part)).Prepend((LogDirection.ToModule, command))));
    }

    [TestCase("AT+CSQ -> 23 to 26,99", TestName = "an arrow before the writer's words")]
    [TestCase("AT+MQTTSUB=\"dev/=> OK\",1", TestName = "an arrow and OK inside quotes")]
    [TestCase("AT+CGATT? gives nothing, OK?", TestName = "a word before prose")]
    public void A_command_followed_by_no_answer_stays_one_line(string line)
    {
        var lines = Read($"=> AT+CSQ\n<= OK\n=> {line}\n");

        Assert.That(lines[^1], Is.EqualTo((LogDirection.ToModule, line)));
    }

    [Test]
    public void Notes_of_commands_with_their_answers_show_the_exchanges_without_latencies()
    {
        // Field notes from a ticket: each command with what came back, on one line; the engineer's own words between.
        var analysis = TempLog.Analyze("""
            ## 现场调试 11-30（M5310-A，固件 V100R100C10B657）
            AT+CSQ -> +CSQ: 18,99 OK
            AT+CGATT?  返回 +CGATT: 1  OK
            app: attach check OK
            AT+MQTTCFG="183.230.40.39",6002,"dev42",120,"prod7","Kf83hQz",1 -> OK
            AT+MQTTOPEN=1,1,0,0,0,"","" => OK, +MQTTOPEN: OK
            发送AT+MQTTSUB="$creq/#",1 收到OK +MQTTSUBACK: 1,1,"$creq/#"
            """);

        Assert.That(analysis.Exchanges.Select(e => (e.Line, e.Command, e.Final, string.Join("|", e.Information))), Is.EqualTo(new[]
        {
            (2L, "AT+CSQ", "OK", "+CSQ: 18,99"),
            (3L, "AT+CGATT?", "OK", "+CGATT: 1"),
            (5L, "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev42\",120,\"prod7\",\"***\",1", "OK", ""),
            (6L, "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK", ""),
            (7L, "AT+MQTTSUB=\"$creq/#\",1", "OK", ""),
        }));
        Assert.That(analysis.Exchanges.Select(e => e.LatencyMs), Is.All.Null);
        Assert.That(analysis.Urcs.Select(u => (u.Line, u.Name)), Is.EqualTo(new[] { (6L, "+MQTTOPEN"), (7L, "+MQTTSUBACK") }));
        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Conformance.Protocol.Codes.Severity.Note).Select(d => d.Code), Is.Empty);
    }

    [Test]
    public void An_unmarked_line_of_prose_ending_in_OK_is_not_split_into_a_final_result()
    {
        // An MCU's printf log: the traffic marked, the firmware's own words between, some ending in OK.
        var analysis = TempLog.Analyze(">> AT+CGATT?\n<< +CGATT: 1\n<< OK\napp: attach check OK\n>> AT+CSQ\n<< +CSQ: 20,99\n<< OK\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new[] { ("AT+CGATT?", "OK"), ("AT+CSQ", "OK") }));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Has.No.Member("final-without-command"));
    }

    [Test]
    public void Markdown_and_comments_are_left_out_and_unmarked_lines_go_by_their_text()
    {
        var log = """
            # 配置MQTT
            ## Step 1
            ```
            => AT+CSQ   // signal
            /* the module answers
               after a moment */
            +CSQ: 20,99
            OK   # fine
            ```
            --------------------------
            """;

        Assert.That(Read(log), Is.EqualTo(CsqExchange));
    }

    [Test]
    public void Notes_with_the_writers_arrows_after_the_traffic_are_read_without_them()
    {
        const string log = "Log from the customer, my comments marked with <--\n\nAT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\nOK\n" +
            "+MQTTOPEN:OK        <-- 连上了 connected fine\n+MQTTTO:5           <-- ping 超时 (timeout)\nAT+MQTTSTAT?\n+MQTTSTAT:5\nOK\n";
        Assert.That(TempLog.Read(log).Source.Format, Is.EqualTo(LogFormat.Transcript));

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new[] { ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK"), ("AT+MQTTSTAT?", "OK") }));
        Assert.That(analysis.Urcs.Select(u => (u.Text, u.CommandLine)), Is.EqualTo(new[] { ("+MQTTOPEN:OK", (long?)3), ("+MQTTTO:5", null) }));
        Assert.That(analysis.Diagnostics.Where(d => d.Severity != Conformance.Protocol.Codes.Severity.Note), Is.Empty);
    }

    [Test]
    public void Line_numbers_are_those_of_the_file()
    {
        var (_, records) = TempLog.Read("# notes\n\n=> AT+CFUN?\n<= +CFUN: 1 OK\n");

        Assert.That(records.Select(r => (r.Line, r.Text)), Is.EqualTo(new[] { (3L, "AT+CFUN?\r\n"), (4L, "+CFUN: 1\r\n"), (4L, "OK\r\n") }));
    }

    [Test]
    public void An_sscom_capture_pasted_with_comment_prefixes_is_read_as_sscom()
    {
        var log = "# [15:37:11.116]发→◇AT+CSQ\n# □\n# [15:37:11.141]收←◆\n# +CSQ: 20,99\n# \n# OK\n";

        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Sscom));
        Assert.That(source.Detection.CommentPrefix, Is.EqualTo("# "));
        Assert.That(Traffic.Lines(records), Is.EqualTo(CsqExchange));
    }

    [TestCase("[10:00:01.123] >>> AT+CSQ\n[10:00:01.200] <<< +CSQ: 20,99\n[10:00:01.210] <<< OK\n", TestName = "tripled angles")]
    [TestCase("<<< AT+CSQ\n>>> +CSQ: 20,99\n>>> OK\n", TestName = "tripled angles the other way round")]
    [TestCase("[10:00:01.123] [SEND] AT+CSQ\n[10:00:01.200] [RECV] +CSQ: 20,99\n[10:00:01.210] [RECV] OK\n", TestName = "SEND and RECV in brackets")]
    public void Other_tools_direction_marks_give_the_direction(string log)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Transcript));
        Assert.That(Traffic.Lines(records), Is.EqualTo(CsqExchange));
    }

    [TestCase(" 1| AT+CSQ\n 2| +CSQ: 20,99\n 3|\n 4| OK\n", LogFormat.Raw, TestName = "an editor's line numbers and a bar")]
    [TestCase("0001: AT+CSQ\n0002: +CSQ: 20,99\n0003: OK\n", LogFormat.Raw, TestName = "a dump's padded line numbers and a colon")]
    [TestCase("12\t[10:00:01.123] AT+CSQ\n13\t[10:00:01.200] +CSQ: 20,99\n14\t[10:00:01.210] OK\n", LogFormat.Tio, TestName = "a pastebin's line numbers and a tab before stamped lines")]
    [TestCase("  9 | => AT+CSQ\n 10 | <= +CSQ: 20,99\n 11 | <= OK\n", LogFormat.Transcript, TestName = "numbers before a transcript's arrows")]
    public void A_log_pasted_with_its_line_numbers_is_read_without_them(string log, LogFormat format)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(format));
        Assert.That(source.Detection.NumberedLines, Is.True);
        Assert.That(Traffic.Lines(records), Is.EqualTo(CsqExchange));
    }

    [Test]
    public void Times_of_day_are_not_line_numbers()
    {
        var (source, _) = TempLog.Read("10:00:01.123 AT+CSQ\n10:00:01.200 +CSQ: 20,99\n10:00:01.210 OK\n");

        Assert.That((source.Format, source.Detection.NumberedLines), Is.EqualTo((LogFormat.Tio, false)));
    }

    [TestCase("[#Send]AT+CSQ\n[#Recv]+CSQ: 20,99\n[#Recv]OK\n", LogFormat.Manual)]
    [TestCase("<debug> [1640639307.692391] [modem0/ttyUSB1/at] --> 'AT+CSQ<CR>'\n<debug> [1640639307.700000] [modem0/ttyUSB1/at] <-- '<CR><LF>+CSQ: 20,99<CR><LF><CR><LF>OK<CR><LF>'\n", LogFormat.ModemManager)]
    [TestCase("12/7/2026 14:08:35.770 [TX] - AT+CSQ<CR>\n12/7/2026 14:08:35.800 [RX] - <CR><LF>+CSQ: 20,99<CR><LF><CR><LF>OK<CR><LF>\n", LogFormat.Docklight)]
    [TestCase("#[14:33:28] AT+CSQ..+CSQ: 20,99....OK..\n", LogFormat.PySerial)]
    public void Other_formats_with_arrows_or_tags_inside_stay_theirs(string log, LogFormat format)
    {
        Assert.That(Read(log, format).Select(l => l.Line), Is.SupersetOf(new[] { "AT+CSQ", "OK" }));
    }

    /// <summary>A session pasted from a chat app: full-width colons after the markers and after the module's names, curly quotes.</summary>
    [Test]
    public void A_chat_paste_with_full_width_colons_reads_as_the_session_it_was()
    {
        var analysis = TempLog.Analyze("""
            张工 10:32
            发送：AT+MQTTOPEN=1,1,0,0,0,“”,“”
            接收：OK
            接收：+MQTTOPEN：OK
            发送：AT+MQTTSUB=“$creq/#”,1
            接收：OK
            接收：+MQTTSUBACK：1,1,“$creq/#”
            发送：AT+MQTTSTAT?
            接收：+MQTTSTAT：5
            接收：OK
            接收：+MQTTPUBLISH：0,0,0,0,"dev",11,温度：22
            """);

        Assert.That(analysis.Urcs.Select(u => (u.Name, u.CommandLine)), Is.EqualTo(new (string, long?)[]
        {
            ("+MQTTOPEN", 2), ("+MQTTSUBACK", 5), ("+MQTTPUBLISH", null),
        }));
        Assert.That(analysis.Exchanges[2].Information, Is.EqualTo(new[] { "+MQTTSTAT:5" }), "the answer, not a URC");
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Has.None.EqualTo("urc-missing").And.None.EqualTo("out-of-order"));
        Assert.That(analysis.Diagnostics.Select(d => d.Message), Has.None.Contains("msg_len"), "the colon in the message is content: its three bytes count in msg_len");
    }
}
