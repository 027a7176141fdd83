using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>Logs of sibling firmwares and of other vendors' modules: timed and paired, never called unreadable.</summary>
public class ModuleFamilyTests
{
    [Test]
    public void An_ESP_AT_session_is_one_note_and_every_exchange_is_timed()
    {
        var log = new Log()
            .Exchange("AT+MQTTUSERCFG=0,1,\"esp32_01\",\"admin\",\"pa55\",0,0,\"\"", "\r\nOK\r\n")
            .Exchange("AT+MQTTCONN=0,\"192.168.3.102\",1883,1", "\r\n+MQTTCONNECTED:0,1,\"192.168.3.102\",\"1883\",\"\",1\r\n\r\nOK\r\n", latency: 800)
            .Exchange("AT+MQTTSUB=0,\"topic\",1", "\r\nOK\r\n", latency: 120)
            .Wait(500).Receive("\r\n+MQTTSUBRECV:0,\"topic\",4,test\r\n")
            .Exchange("AT+MQTTPUB=0,\"topic\",\"hello\",1,0", "\r\nOK\r\n", latency: 90)
            .Exchange("AT+MQTTSUB?", "\r\n+MQTTSUB:0,3,\"topic\",1\r\n\r\nOK\r\n", latency: 30)
            .Exchange("AT+MQTTCLEAN=0", "\r\nOK\r\n\r\n+MQTTDISCONNECTED:0\r\n", latency: 20);

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Diagnostics.Select(d => (d.Code, d.Severity)), Is.EqualTo(new[] { ("other-family", Severity.Note) }));
        Assert.That(analysis.Diagnostics.Single().Message, Does.Contain("ESP-AT"));
        Assert.That(analysis.Exchanges.Select(e => (e.Final, e.LatencyMs)),
            Is.EqualTo(new (string?, double?)[] { ("OK", 20), ("OK", 800), ("OK", 120), ("OK", 90), ("OK", 30), ("OK", 20) }));
        Assert.That(analysis.Statistics.Commands.Select(c => c.Command), Does.Contain("AT+MQTTSUB=").And.Contain("AT+MQTTUSERCFG="));
    }

    [Test]
    public void Each_family_is_noted_once_and_a_module_only_log_is_recognised_by_its_urcs()
    {
        var log = new Log()
            .Exchange("AT+QMTOPEN=0,\"iot.example.com\",1883", "\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n")
            .Exchange("AT+QMTCONN=0,\"client\"", "\r\nOK\r\n\r\n+QMTCONN: 0,0,0\r\n")
            .Exchange("AT+QMTSUB=0,1,\"topic/example\",1", "\r\nOK\r\n\r\n+QMTSUB: 0,1,0,1\r\n")
            .Wait(100).Receive("\r\n+CMQTTCONNLOST: 0,1\r\n");

        // The SIMCom line is a lost connection too (connection-lost); the notes name each family once.
        var codes = TimelineBuilder.Analyze(log.Records).Diagnostics.Where(d => d.Code == "other-family").Select(d => (d.Code, d.Message.Contains("Quectel"), d.Message.Contains("SIMCom")));

        Assert.That(codes, Is.EqualTo(new[] { ("other-family", true, false), ("other-family", false, true) }));
    }

    [Test]
    public void A_line_two_families_write_alike_counts_for_the_family_already_seen()
    {
        // OneMO (ML307) subscribes as ESP-AT does: AT+MQTTSUB=<id>,"<topic>",<qos>.
        var log = new Log()
            .Exchange("AT+MQTTCFG=\"keepalive\",0,120", "\r\nOK\r\n")
            .Exchange("AT+MQTTCONN=0,\"mqtt.example.com\",1883,\"client01\",\"user\",\"pa55\"", "\r\nOK\r\n\r\n+MQTTURC: \"conn\",0,0\r\n")
            .Exchange("AT+MQTTSUB=0,\"tesla/control\",1", "\r\nOK\r\n\r\n+MQTTURC: \"suback\",0,1,1\r\n")
            .Wait(400).Receive("\r\n+MQTTURC: \"publish\",0,1,\"tesla/control\",6,6,unlock\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Diagnostics.Select(d => d.Message), Is.EqualTo(new[]
        {
            "commands of another module family: OneMO; their exchanges are timed, not checked against the M5310-A manual",
        }));
        Assert.That(analysis.Exchanges.Select(e => e.Final), Is.All.EqualTo("OK"));
    }

    [Test]
    public void An_Air780_session_is_not_unreadable()
    {
        var log = new Log()
            .Exchange("AT+MCONFIG=\"868488076506128\",\"user\",\"password\"", "\r\nOK\r\n")
            .Exchange("AT+MIPSTART=\"lbsmqtt.airm2m.com\",1884", "\r\nOK\r\n\r\nCONNECT OK\r\n")
            .Exchange("AT+MCONNECT=1,60", "\r\nOK\r\n\r\nCONNACK OK\r\n")
            .Exchange("AT+MSUB=\"/luatat/868488076506128\",0", "\r\nOK\r\n\r\nSUBACK\r\n")
            .Exchange("AT+MPUB=\"/luatat/868488076506128\",0,0,\"hello, world\"", "\r\nOK\r\n")
            .Wait(300).Receive("\r\n+MSUB: \"/luatat/868488076506128\",5 byte,hello\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "other-family" }));
        Assert.That(analysis.Exchanges.Select(e => e.Final), Is.All.EqualTo("OK"));
    }

    [Test]
    public void An_M5311_session_reads_as_connected_with_dialect_notes_only()
    {
        var log = new Log()
            .Exchange("AT+MQTTCFG=broker.emqx.io,1883,110,300,M5Hard,hades,1,0", "\r\nOK\r\n")
            .Exchange("AT+MQTTOPEN=1,1,0", "\r\nOK\r\n\r\n+MQTTOPEN:OK\r\n", latency: 900)
            .Exchange("AT+MQTTSUB=\"pyr\",0,0", "\r\nOK\r\n\r\n+MQTTSUBACK:1,0,pyr\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Diagnostics.Where(d => d.Severity != Severity.Note), Is.Empty);
        Assert.That(analysis.Diagnostics.Select(d => d.Message), Has.Some.Contains("mqttcfg-eighth-argument").And.Some.Contains("will-fields-omitted"));
        Assert.That(analysis.StateChanges[^1].To, Is.EqualTo(MqttState.Connected));
        Assert.That(analysis.Exchanges[0].Command, Does.Not.Contain("hades"));
    }

    [Test]
    public void An_ML302_session_from_a_customer_note_has_no_warning()
    {
        var log = new Log()
            .Exchange("AT+MQTTCFG=\"jp.example.xyz\",8883,\"iot-steve\",60,\"iot\",\"1Ce0W2DtGsFc\",0", "\r\nOK\r\n")
            .Exchange("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "\r\nOK\r\n\r\n+MQTTOPEN:OK\r\n")
            .Wait(60000).Receive("\r\n+MQTTPINGRSP: OK\r\n")
            .Exchange("AT+MQTTSUB=\"car-manager/lock\",0", "\r\nOK\r\n\r\n+MQTTSUBACK:1,0,car-manager/lock\r\n")
            .Wait(5000).Receive("\r\n+MQTTPUBLISH: 0,0,0,0,\"car-manager/lock\",8,\"UNLOCK\"\r\n")
            .Exchange("AT+MQTTPUB=\"car-manager/sensor\",0,0,0,\"nihao\"", "\r\nOK\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Diagnostics.Where(d => d.Severity != Severity.Note), Is.Empty);
        Assert.That(analysis.Diagnostics.Select(d => d.Message), Has.Some.Contains("quoted-message"));
        Assert.That(analysis.StateChanges[^1].To, Is.EqualTo(MqttState.Connected));
    }

    [Test]
    public void Another_familys_outcome_line_answers_the_command_it_follows()
    {
        var log = new Log()
            .Exchange("AT+QMTOPEN=0,\"iot.example.com\",1883", "\r\nOK\r\n")
            .Exchange("AT+QMTCONN=0,\"client\"", "\r\nOK\r\n")
            .Wait(300).Receive("\r\n+QMTOPEN: 0,0\r\n")
            .Wait(300).Receive("\r\n+QMTCONN: 0,0,0\r\n")
            .Exchange("AT+CMQTTCONNECT=0,\"tcp://broker.example.com:1883\",60,1", "\r\nOK\r\n\r\n+CMQTTCONNECT: 0,0\r\n")
            .Exchange("AT+MQTTCONN=0,\"broker.example.net\",1883,1", "\r\n+MQTTCONNECTED:0,1,\"broker.example.net\",\"1883\",\"\",1\r\n\r\nOK\r\n")
            .Exchange("AT+MCONNECT=1,60", "\r\nOK\r\n\r\nCONNACK OK\r\n")
            .Exchange("AT+QMTPUBEX=0,1,1,0,\"t/up\",5", "\r\n>").Send("hello").Wait(30).Receive("\r\nOK\r\n\r\n+QMTPUBEX: 0,1,0\r\n")
            .Wait(100).Receive("\r\n+QMTSTAT: 0,1\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        var sent = analysis.Exchanges.ToDictionary(e => e.Command[..e.Command.IndexOf('=')], e => e.Line);
        Assert.That(analysis.Urcs.Select(u => (u.Name, u.CommandLine)), Is.EqualTo(new (string, long?)[]
        {
            ("+QMTOPEN", sent["AT+QMTOPEN"]), ("+QMTCONN", sent["AT+QMTCONN"]), ("+CMQTTCONNECT", sent["AT+CMQTTCONNECT"]),
            ("+MQTTCONNECTED", sent["AT+MQTTCONN"]), ("CONNACK OK", sent["AT+MCONNECT"]), ("+QMTPUBEX", sent["AT+QMTPUBEX"]),
            ("+QMTSTAT", null),
        }));
        // +QMTSTAT: 0,1 answers nothing: the peer closed the link.
        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Severity.Note).Select(d => d.Code), Is.EqualTo(new[] { "connection-lost" }));
    }

    [Test]
    public void Air780_word_result_codes_are_urcs_and_not_counted_as_text()
    {
        // Nothing pending when they come: CONNECT OK, CONNACK OK and SUBACK are still result codes, not an application's prints.
        var log = new Log()
            .Exchange("AT+MIPSTART=\"lbsmqtt.airm2m.com\",1884", "\r\nOK\r\n")
            .Wait(800).Receive("\r\nCONNECT OK\r\n")
            .Exchange("AT+MCONNECT=1,60", "\r\nOK\r\n")
            .Wait(400).Receive("\r\nCONNACK OK\r\n")
            .Exchange("AT+MSUB=\"/t/cmd\",0", "\r\nOK\r\n")
            .Wait(400).Receive("\r\nSUBACK\r\n")
            .Wait(400).Receive("\r\nMQTT connected, waiting\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Summary.Urcs, Is.EqualTo(3));
        Assert.That(analysis.Urcs.Select(u => u.Name), Is.EqualTo(new[] { "CONNECT OK", "CONNACK OK", "SUBACK" }));
        Assert.That(analysis.Urcs.Select(u => u.CommandLine), Has.None.Null);
    }

    [Test]
    public void Data_sent_after_a_prompt_that_follows_the_OK_is_not_a_command()
    {
        // ESP-AT: AT+MQTTLONGPASSWORD answers OK, then `>`; the host sends the password, the module answers OK again.
        var log = new Log()
            .Exchange("AT+MQTTLONGPASSWORD=0,16", "\r\nOK\r\n\r\n>")
            .Send("Vx7Qm2Lp9Rt4Ws1K").Wait(20).Receive("\r\nOK\r\n")
            .Exchange("AT+MQTTCONN=0,\"broker.example.net\",1883,1", "\r\n+MQTTCONNECTED:0,1,\"broker.example.net\",\"1883\",\"\",1\r\n\r\nOK\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Summary.Commands, Is.EqualTo(2));
        Assert.That(analysis.Exchanges.Select(e => e.Command), Has.None.Contains("Vx7Qm2Lp9Rt4Ws1K"));
        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Severity.Note), Is.Empty);
    }

    [Test]
    public void A_SIM800_capture_of_module_output_alone_counts_every_echoed_command()
    {
        // Echo on, no host side: CIPSEND's data ends with SEND OK (no OK of its own); the link closes later; the next
        // echo starts the next command.
        var log = new Log().Receive(
            "RDY\r\n\r\n+CPIN: READY\r\n\r\nCall Ready\r\n\r\nSMS Ready\r\n" +
            "AT+CIPSTART=\"TCP\",\"iot.example.com\",8080\r\nOK\r\n\r\nCONNECT OK\r\n" +
            "AT+CIPSEND=5\r\n> hello\r\nSEND OK\r\n\r\nCLOSED\r\n" +
            "AT+CSQ\r\n+CSQ: 18,0\r\n\r\nOK\r\n" +
            "AT+CGATT?\r\n+CGATT: 1\r\nAT+CSQ\r\n+CSQ: 19,0\r\n\r\nOK\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[]
        {
            ("AT+CIPSTART=\"TCP\",\"iot.example.com\",8080", "OK"), ("AT+CIPSEND=5", "SEND OK"), ("AT+CSQ", "OK"),
            ("AT+CGATT?", null), ("AT+CSQ", "OK"),
        }));
        Assert.That(analysis.Urcs.Select(u => u.Name), Is.EqualTo(new[] { "RDY", "+CPIN", "Call Ready", "SMS Ready", "CONNECT OK", "CLOSED" }));
        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Severity.Note).Select(d => d.Code), Is.EqualTo(new[] { "no-final-result" }));
    }

    [Test]
    public void An_echo_with_stray_characters_before_AT_is_the_command_with_a_note()
    {
        var log = new Log(timed: false).Receive(
            "XAT+MQTTCFG=\"183.230.40.39\",6002,\"d\",60,\"p\",\"Kq7Zr2Wx9Lm4\",1\r\n\r\nOK\r\n" +
            "I AT+CSQ was sent\r\nAT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[]
        {
            ("AT+MQTTCFG=\"183.230.40.39\",6002,\"d\",60,\"p\",\"***\",1", "OK"), ("AT+CSQ", "OK"),
        }));
        Assert.That(analysis.Diagnostics.Select(d => (d.Code, d.Severity)), Is.EqualTo(new[] { ("format-deviation", Severity.Note) }));
        Assert.That(analysis.Diagnostics.Single().Message, Does.StartWith("junk-before-at"));
    }

    [Test]
    public void A_Quectel_failure_is_explained_and_its_success_is_not()
    {
        // BC26: the first CONNACK refuses the password; after a retry the broker resets the link.
        var log = new Log()
            .Exchange("AT+QMTOPEN=0,\"183.230.40.39\",6002", "\r\nOK\r\n").Wait(900).Receive("\r\n+QMTOPEN: 0,0\r\n")
            .Exchange("AT+QMTCONN=0,\"bc26dev\",\"123456\",\"Vr4pass\"", "\r\nOK\r\n").Wait(700).Receive("\r\n+QMTCONN: 0,0,4\r\n")
            .Exchange("AT+QMTCONN=0,\"bc26dev\",\"123456\",\"Vr5pass\"", "\r\nOK\r\n").Wait(700).Receive("\r\n+QMTCONN: 0,0,0\r\n")
            .Exchange("AT+QMTSUB=0,1,\"$creq/#\",1", "\r\nOK\r\n").Wait(500).Receive("\r\n+QMTSUB: 0,1,0,128\r\n")
            .Exchange("AT+QMTSUB=0,2,\"$dp/#\",1", "\r\nOK\r\n").Wait(500).Receive("\r\n+QMTSUB: 0,2,0,1\r\n")
            .Wait(60_000).Receive("\r\n+QMTSTAT: 0,1\r\n")
            .Exchange("AT+QMTDISC=0", "\r\nOK\r\n").Wait(200).Receive("\r\n+QMTSTAT: 0,5\r\n\r\n+QMTDISC: 0,0\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Severity.Note).Select(d => (d.Code, d.Message)), Is.EqualTo(new[]
        {
            ("open-failed", "+QMTCONN: 0,0,4 for AT+QMTCONN=0,\"bc26dev\",\"123456\",\"***\" (line 6): CONNACK refused: bad user name or password (Quectel)"),
            ("subscribe-refused", "+QMTSUB: 0,1,0,128 for AT+QMTSUB=0,1,\"$creq/#\",1 (line 16): the server refused the subscription (Quectel)"),
            ("connection-lost", "+QMTSTAT: 0,1: the connection dropped: the connection was closed or reset by the peer (Quectel)"),
        }));
        Assert.That(analysis.Statistics.Drops, Is.EqualTo(1));
    }

    [TestCase("+CMQTTCONNECT: 0,30", "open-failed", "+CMQTTCONNECT: 0,30 for AT+CMQTTCONNECT=0,\"tcp://broker:1883\",60,1 (line 1): CONNACK refused: bad user name or password (SIMCom)")]
    [TestCase("+CMQTTCONNECT: 0,99", "open-failed", "+CMQTTCONNECT: 0,99 for AT+CMQTTCONNECT=0,\"tcp://broker:1883\",60,1 (line 1): result 99, not in the vendor's published table (SIMCom)")]
    public void A_SIMCom_connect_failure_is_explained(string outcome, string code, string message)
    {
        var log = new Log().Exchange("AT+CMQTTCONNECT=0,\"tcp://broker:1883\",60,1", "\r\nOK\r\n").Wait(3000).Receive($"\r\n{outcome}\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Severity.Note).Select(d => (d.Code, d.Message)), Is.EqualTo(new[] { (code, message) }));
    }

    [Test]
    public void An_ESP_AT_error_is_explained_by_its_ERR_CODE_and_an_unasked_disconnect_is_a_loss()
    {
        var log = new Log()
            .Exchange("AT+MQTTCONN=0,\"broker.example.net\",1883,1", "\r\nERR CODE:0x0100600b\r\n\r\nERROR\r\n", latency: 5000)
            .Exchange("AT+MQTTCONN=0,\"broker.example.net\",1883,1", "\r\n+MQTTCONNECTED:0,1,\"broker.example.net\",\"1883\",\"\",1\r\n\r\nOK\r\n")
            .Wait(60_000).Receive("\r\n+MQTTDISCONNECTED:0\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Severity.Note).Select(d => (d.Code, d.Message)), Is.EqualTo(new[]
        {
            ("command-error", "AT+MQTTCONN=0,\"broker.example.net\",1883,1 failed: ERROR: ERR CODE:0x0100600b means AT_MQTT_CLIENT_START_FAILED (ESP-AT)"),
            ("connection-lost", "+MQTTDISCONNECTED:0: the connection dropped: the MQTT connection ended (ESP-AT)"),
        }));
        Assert.That(analysis.Statistics.Drops, Is.EqualTo(1));
    }

    [Test]
    public void Another_familys_CME_code_is_not_given_the_M5310A_meaning()
    {
        // 601 is the M5310-A's "command syntax error": a SIM7020 says nothing of the kind with it.
        var log = new Log()
            .Exchange("AT+CMQNEW=\"mqtt.example.io\",\"1883\",12000,1024", "\r\n+CME ERROR: 601\r\n")
            .Exchange("AT+CMQSUB=0,\"gas/2/cmd\",1", "\r\n+CME ERROR: 3\r\n")
            .Exchange("AT+CMQPUB=0,\"gas/2/up\",1,0,0,2,\"3132\"", "\r\n+CME ERROR: command syntax error\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Diagnostics.Where(d => d.Code == "cme-error").Select(d => d.Message), Is.EqualTo(new[]
        {
            "AT+CMQNEW=\"mqtt.example.io\",\"1883\",12000,1024 failed: +CME ERROR: 601 is not in the vendor's published table (SIMCom)",
            "AT+CMQSUB=0,\"gas/2/cmd\",1 failed: +CME ERROR: 3 means \"operation not allowed\" (3GPP TS 27.007's general meaning; SIMCom)",
            // The words are the M5310-A's for 601, but the module said words, not 601.
            "AT+CMQPUB=0,\"gas/2/up\",1,0,0,2,\"3132\" failed: +CME ERROR: command syntax error",
        }));
    }

    [Test]
    public void A_familys_failed_publish_is_a_command_error_and_a_QoS_0_publish_awaits_no_acknowledgement()
    {
        var log = new Log()
            .Exchange("AT+QMTPUB=0,3,1,0,\"t/up\",\"x\"", "\r\nOK\r\n").Wait(30_000).Receive("\r\n+QMTPUB: 0,3,2\r\n")
            .Exchange("AT+MPUB=\"lamp/5/state\",0,0,\"off\"", "\r\nOK\r\n")
            .Exchange("AT+MPUB=\"lamp/5/state\",1,0,\"on\"", "\r\nOK\r\n").Wait(400).Receive("\r\nPUBACK\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Severity.Note).Select(d => (d.Code, d.Message)), Is.EqualTo(new[]
        {
            ("command-error", "+QMTPUB: 0,3,2 for AT+QMTPUB=0,3,1,0,\"t/up\",\"x\" (line 1): failed to send the PUBLISH packet (Quectel)"),
        }));
        // The PUBACK answers the QoS 1 publish, not the QoS 0 one before it.
        var qos1 = analysis.Exchanges.Single(e => e.Command.EndsWith("1,0,\"on\"", StringComparison.Ordinal));
        Assert.That(analysis.Urcs.Single(u => u.Name == "PUBACK").CommandLine, Is.EqualTo(qos1.Line));
    }

    [Test]
    public void A_OneMO_conn_report_answers_the_connect_and_a_refusal_names_it()
    {
        var log = new Log()
            .Exchange("AT+MQTTCONN=0,\"iot.example.com\",1883,\"door-3\",\"door3\",\"pw1\"", "\r\nOK\r\n").Wait(1300).Receive("\r\n+MQTTURC: \"conn\",0,3\r\n")
            .Wait(60_000).Receive("\r\n+MQTTURC: \"publish\",0,3,\"door/3/cmd\",6,6,unlock\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.Urcs.Select(u => u.CommandLine), Is.EqualTo(new long?[] { 1, null }));
        Assert.That(analysis.Diagnostics.Where(d => d.Severity > Severity.Note).Select(d => (d.Code, d.Message)), Is.EqualTo(new[]
        {
            ("open-failed", "+MQTTURC: \"conn\",0,3 for AT+MQTTCONN=0,\"iot.example.com\",1883,\"door-3\",\"door3\",\"***\" (line 1): the server refused the connection: protocol version, client id, user name or password (OneMO)"),
        }));
    }

    [Test]
    public void Another_familys_session_is_connected_dropped_and_closed_as_its_lines_say()
    {
        // SIM7020: AT+CMQCON answers OK once connected; +CMQDISCON comes when the broker closes the link.
        var log = new Log()
            .Exchange("AT+CMQNEW=\"mqtt.example.io\",\"1883\",12000,1024", "\r\n+CMQNEW: 0\r\n\r\nOK\r\n")
            .Exchange("AT+CMQCON=0,3,\"gas-2\",600,1,0,\"gas2\",\"pw\"", "\r\nOK\r\n", latency: 1500)
            .Wait(60_000).Receive("\r\n+CMQDISCON: 0\r\n")
            .Exchange("AT+CMQCON=0,3,\"gas-2\",600,1,0,\"gas2\",\"pw\"", "\r\nOK\r\n", latency: 1500)
            .Wait(10_000).Exchange("AT+CMQDISCON=0", "\r\nOK\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(analysis.StateChanges.Select(c => (c.From, c.To, c.Cause)), Is.EqualTo(new (MqttState?, MqttState, string)[]
        {
            (null, MqttState.Connected, "AT+CMQCON OK"),
            (MqttState.Connected, MqttState.Disconnected, "+CMQDISCON: 0"),
            (MqttState.Disconnected, MqttState.Connected, "AT+CMQCON OK"),
            (MqttState.Connected, MqttState.Disconnected, "AT+CMQDISCON OK"),
        }));
        Assert.That(analysis.Statistics.Drops, Is.EqualTo(1));
        Assert.That(analysis.Statistics.UptimeMs, Is.GreaterThan(60_000));
    }
}
