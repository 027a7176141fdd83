using System.Text;
using Conformance.Protocol.Secrets;
using CsCheck;

namespace Conformance.Protocol.Tests.Secrets;

/// <summary>A byte stream masked chunk by chunk, as a trace records it: no chunking lets a secret through.</summary>
public class SecretStreamTests
{
    private static string Masked(SecretMasker masker, params string[] chunks)
    {
        var stream = masker.Stream();
        return string.Concat(chunks.Select(c => Encoding.Latin1.GetString(stream.Mask(Encoding.UTF8.GetBytes(c)))));
    }

    [Test]
    public void A_known_key_split_across_two_reads_leaks_neither_its_start_nor_its_tail()
    {
        var shown = Masked(new SecretMasker(["TopSecret123456"]), "+MQTTCFG: \"h\",1,\"d\",60,\"p\",\"TopSec", "ret123456\",1\r\n");

        Assert.That(shown, Does.Not.Contain("TopSec").And.Not.Contain("123456"));
        Assert.That(shown, Is.EqualTo("+MQTTCFG: \"h\",1,\"d\",60,\"p\",\"***\",1\r\n"));
    }

    [TestCase("AT+MQTTLONGPASSWORD=0,16\r\nVx7Qm2Lp9Rt4Ws1K\r\nAT+MQTTCONN=0,\"b\",1883,1\r\n",
        "AT+MQTTLONGPASSWORD=0,16\r\n***\r\nAT+MQTTCONN=0,\"b\",1883,1\r\n")]   // the host's side
    [TestCase("AT+MQTTLONGPASSWORD=0,16\r\n\r\nOK\r\n\r\n>Vx7Qm2Lp9Rt4Ws1K\r\n\r\nOK\r\n",
        "AT+MQTTLONGPASSWORD=0,16\r\n\r\nOK\r\n\r\n>***\r\n\r\nOK\r\n")]       // a capture with echo on
    [TestCase("=> AT+MQTTLONGPASSWORD=0,16\n<= OK\n<= >\n=> Vx7Qm2Lp9Rt4Ws1K\n<= OK\n",
        "=> AT+MQTTLONGPASSWORD=0,16\n<= OK\n<= >\n=> ***\n<= OK\n")]                  // a transcript
    public void The_password_sent_after_the_prompt_of_AT_MQTTLONGPASSWORD_is_masked_and_learned(string stream, string shown)
    {
        var masker = new SecretMasker();

        Assert.That(Masked(masker, stream), Is.EqualTo(shown));
        Assert.That(masker.Mask("login with Vx7Qm2Lp9Rt4Ws1K"), Is.EqualTo("login with ***"));
    }

    [TestCase("AT+MQTTLONGPASSWORD=0,16\r\nVx7Qm2Lp9Rt4Ws1K\r\nAT+MQTTCONN=0,\"b\",1883,1\r\n",
        "AT+MQTTLONGPASSWORD=0,16\r\n***\r\nAT+MQTTCONN=0,\"b\",1883,1\r\n")]
    [TestCase("AT+MQTTLONGPASSWORD=0,16\r\nOK\r\n>\r\nVx7Qm2Lp9Rt4Ws1K\r\n+MQTTLONGPASSWORD:OK\r\n",
        "AT+MQTTLONGPASSWORD=0,16\r\nOK\r\n>\r\n***\r\n+MQTTLONGPASSWORD:OK\r\n")]   // the module's output, as frames reads it
    public void The_password_after_the_prompt_of_AT_MQTTLONGPASSWORD_is_masked_line_by_line_too(string stream, string shown)
    {
        // As the analyzer and `frames` mask: one whole line at a time.
        var lines = new SecretMasker().Stream();
        var masked = string.Concat(stream.Split("\r\n")[..^1].Select(line => lines.MaskLine(line) + "\r\n"));

        Assert.That(masked, Is.EqualTo(shown));
    }

    [Test]
    public void Whole_lines_are_masked_alike_line_by_line_and_as_one_read()
    {
        // The analyzer and `frames` mask line by line, a trace by reads: for whole lines both must show the same.
        string[] lines =
        [
            "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"Qz8Wv3Kd\",1", "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"Qz8W", "v3Kd\",1",
            "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",", "\"Qz8Wv3Kd\",1", "AT+MQTTLONGPASSWORD=0,16", "OK", ">", "Qz8Wv3Kd", "ERROR",
            "+MQTTOPEN: OK", "token=Qz8Wv3Kd&x=1", "{\"password\":\"Qz8Wv3Kd\"}", "AT+CSQ", "+CSQ: 20,99", "", "echo Qz8Wv3Kd again",
        ];
        Gen.Int[0, lines.Length - 1].Array[1, 12].Sample(picks =>
        {
            var chosen = picks.Select(i => lines[i]).ToArray();
            var byLine = new SecretMasker().Stream();
            var lineByLine = string.Concat(chosen.Select(line => byLine.MaskLine(line) + "\r\n"));
            var asOneRead = Masked(new SecretMasker(), string.Concat(chosen.Select(line => line + "\r\n")));
            return lineByLine == asOneRead;
        });
    }

    [Test]
    public void A_failed_AT_MQTTLONGPASSWORD_leaves_the_next_command_as_it_is()
    {
        const string stream = "AT+MQTTLONGPASSWORD=0,16\r\nERROR\r\nAT+MQTTCONN?\r\n+MQTTCONN:0,0,0\r\n";

        Assert.That(Masked(new SecretMasker(), stream), Is.EqualTo(stream));
    }

    [Test]
    public void A_credential_field_split_across_chunks_is_masked_by_its_position()
    {
        var shown = Masked(new SecretMasker(), "AT+CWJAP=\"ssid\",\"Wifi", "Key", "2024\"\r\n");

        Assert.That(shown, Is.EqualTo("AT+CWJAP=\"ssid\",\"***\"\r\n"));
    }

    [Test]
    public void A_short_start_may_show_but_the_tail_never_does()
    {
        var shown = Masked(new SecretMasker(["TopSecret123456"]), "echo Top", "Secret123456 end\r\n");

        Assert.That(shown, Is.EqualTo("echo Top*** end\r\n"));
    }

    [Test]
    public void Lines_without_secrets_pass_byte_for_byte_in_any_chunking()
    {
        Gen.Byte.Array[0, 200].SelectMany(bytes => Gen.Int[1, 16].Select(size => (bytes, size))).Sample((bytes, size) =>
        {
            // Bytes that cannot form a rule's key or a known value: no letters.
            var data = bytes.Select(b => char.IsAsciiLetter((char)b) ? (byte)'0' : b).ToArray();
            var stream = new SecretMasker(["TopSecret123456"]).Stream();
            var output = data.Chunk(size).SelectMany(chunk => stream.Mask(chunk)).ToArray();
            Assert.That(output, Is.EqualTo(data));
        });
    }

    [Test]
    public void A_known_key_is_masked_in_any_chunking()
    {
        Gen.Int[1, 40].Sample(size =>
        {
            var line = Encoding.ASCII.GetBytes("+MQTTPUBLISH: 0,0,\"t\",15,TopSecret123456\r\nAT+CWJAP=\"s\",\"WifiKey2024\"\r\nagain WifiKey2024\r\n");
            var stream = new SecretMasker(["TopSecret123456"]).Stream();
            var output = Encoding.Latin1.GetString(line.Chunk(size).SelectMany(chunk => stream.Mask(chunk)).ToArray());
            foreach (var part in new[] { "Secret1", "123456", "Key2024" }) Assert.That(output, Does.Not.Contain(part), $"chunks of {size}");
        });
    }

    [Test]
    public void A_quoted_password_split_by_a_line_end_has_its_tail_masked_on_the_next_line_and_is_learned_whole()
    {
        var masker = new SecretMasker();
        var lines = masker.Stream();

        Assert.That(lines.MaskLine("XAT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"TopSecret"), Is.EqualTo("XAT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"***"));
        Assert.That(lines.MaskLine("123456\",1"), Is.EqualTo("***\",1"));
        Assert.That(masker.Mask("echo TopSecret123456"), Is.EqualTo("echo ***"));
    }

    [TestCase("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"TopSecret", "\r\n123456\",1\r\n")]   // the line end opens the next read
    [TestCase("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"TopSecret\r", "\n123456\",1\r\n")]   // between CR and LF
    public void A_quoted_password_split_by_a_line_end_that_arrives_with_the_next_read_has_its_tail_masked(string first, string second)
    {
        var masker = new SecretMasker();

        var shown = Masked(masker, first, second);

        Assert.That(shown, Does.Not.Contain("123456"));
        Assert.That(shown, Does.EndWith("***\",1\r\n"));
    }

    [Test]
    public void The_password_after_AT_MQTTLONGPASSWORD_is_masked_when_the_command_and_its_line_end_arrive_in_two_reads()
    {
        var shown = Masked(new SecretMasker(), "AT+MQTTLONGPASSWORD=0,16", "\r\nVx7Qm2Lp9Rt4Ws1K\r\n");

        Assert.That(shown, Is.EqualTo("AT+MQTTLONGPASSWORD=0,16\r\n***\r\n"));
    }

    [TestCase("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"pro", "d1\",\"Sup3rPass\",1", "d1\",\"***\",1")]   // broken inside the user name
    [TestCase("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",12", "0,\"prod1\",\"Sup3rPass\",1", "0,\"prod1\",\"***\",1")]       // inside the keep-alive
    [TestCase("+MQTTCFG: \"183.230.40.39\",6002,\"dev1\",120,\"prod1\",", "\"Sup3rPass\",1", "\"***\",1")]                  // a read answer, at a comma
    [TestCase("AT+MQTTCONN=1,my_host,user_test,", "Sup3rPass", "***")]                                                    // Realtek Ameba's four fields, at a comma
    public void A_credential_command_broken_before_its_password_has_the_password_masked_on_the_next_line_and_learned(string first, string second, string shown)
    {
        var masker = new SecretMasker();
        var lines = masker.Stream();

        Assert.That(lines.MaskLine(first), Is.EqualTo(first));
        Assert.That(lines.MaskLine(second), Is.EqualTo(shown));
        Assert.That(masker.Mask("login Sup3rPass"), Is.EqualTo("login ***"));
    }

    [Test]
    public void A_credential_command_broken_by_a_line_end_between_two_reads_has_the_password_masked()
    {
        var shown = Masked(new SecretMasker(), "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",12\r\n", "0,\"prod1\",\"Sup3r", "Pass\",1\r\n");

        Assert.That(shown, Does.Not.Contain("Sup3r").And.Not.Contain("Pass\""));
    }

    [Test]
    public void The_line_after_a_whole_command_of_a_vendors_shorter_form_is_left_as_it_is()
    {
        // ESP-AT's AT+MQTTCONN ends in its reconnect flag: no credential follows on the next line (its error code).
        var lines = new SecretMasker().Stream();

        lines.MaskLine("AT+MQTTCONN=0,\"broker.example.net\",1883,1");
        Assert.That(lines.MaskLine("ERR CODE:0x0100600b"), Is.EqualTo("ERR CODE:0x0100600b"));
    }

    [TestCase("OK")]
    [TestCase("+CME ERROR: 601")]
    [TestCase("+MQTTOPEN: OK")]
    [TestCase("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"")]
    public void What_the_module_or_host_writes_after_a_broken_credential_command_is_left_as_it_is(string next)
    {
        var lines = new SecretMasker().Stream();

        lines.MaskLine("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",");

        Assert.That(lines.MaskLine(next), Is.EqualTo(next));
    }

    [TestCase("OK")]
    [TestCase("+CME ERROR: 601")]
    [TestCase("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"***\",1")]
    public void A_password_with_text_after_its_closing_quote_leaves_the_next_line_alone(string next)
    {
        // `"Sup3rPass"1`: masked to the line's end, but its quote is closed; nothing of the next line is its tail.
        var lines = new SecretMasker().Stream();

        Assert.That(lines.MaskLine("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"Sup3rPass\"1"),
            Is.EqualTo("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"***"));
        Assert.That(lines.MaskLine(next), Is.EqualTo(next));
    }

    [Test]
    public void A_quote_left_open_is_not_closed_by_the_next_command()
    {
        var lines = new SecretMasker().Stream();

        Assert.That(lines.MaskLine("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"Sup3rPass"), Is.EqualTo("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"***"));
        Assert.That(lines.MaskLine("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"Sup3rPass\",1"), Is.EqualTo("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"***\",1"));
    }

    [Test]
    public void A_garbled_line_masks_where_its_credential_may_be_but_remembers_nothing_of_it()
    {
        var masker = new SecretMasker();

        Assert.That(masker.Mask("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p,\"Sup3rPass\",1"), Is.EqualTo("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p,***"));
        // The masked rest is no value: a later line with the same tail keeps its own text.
        Assert.That(masker.Mask("note: \"Sup3rPass\",1 was sent"), Is.EqualTo("note: \"Sup3rPass\",1 was sent"));
    }

    [Test]
    public void A_known_key_split_by_a_line_end_leaves_neither_part_in_the_stream()
    {
        var shown = Masked(new SecretMasker(["TopSecret123456"]), "+MQTTPUBLISH: 0,0,\"t\",15,TopSecret\r\n", "123456\r\nOK\r\n");

        Assert.That(shown, Is.EqualTo("+MQTTPUBLISH: 0,0,\"t\",15,***\r\n***\r\nOK\r\n"));
    }

    [Test]
    public void A_password_ending_in_a_secret_word_and_equals_leaves_the_next_line_alone()
    {
        var lines = new SecretMasker().Stream();

        Assert.That(lines.MaskLine("AT+MQTTCFG=\"h\",6002,\"d\",120,\"u\",\"Sup3rSecretKey=\",1"), Is.EqualTo("AT+MQTTCFG=\"h\",6002,\"d\",120,\"u\",\"***\",1"));
        Assert.That(lines.MaskLine("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\""), Is.EqualTo("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\""));
    }
}
