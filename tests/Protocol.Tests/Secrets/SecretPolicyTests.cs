using Conformance.Protocol.Secrets;
using CsCheck;

namespace Conformance.Protocol.Tests.Secrets;

/// <summary>What the one secret policy masks, line by line, on lines written as the vendors' manuals and field logs write them.</summary>
public class SecretPolicyTests
{
    [TestCase("AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"IIOu0oFUgX7nTK1uzAcnM=\",1",
        "AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"***\",1", TestName = "M5310-A CFG")]
    [TestCase("AT+MQTTCFG=host,1883,id,300,user,M5311pass,0,0", "AT+MQTTCFG=host,1883,id,300,user,***,0,0", TestName = "M5311 CFG, 8 fields unquoted")]
    [TestCase("XAT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"TopSecretC\",1", "XAT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"***\",1", TestName = "CFG with junk before AT")]
    [TestCase("[09:14:08.000]发→◇AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"abcdef\"", "[09:14:08.000]发→◇AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"***\"", TestName = "CFG in an SSCOM line, clean flag missing")]
    [TestCase("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"unterminated", "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"***", TestName = "CFG with an unclosed quote")]
    [TestCase("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"p,a\\\"ss\",1", "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"***\",1", TestName = "CFG password holding an escaped quote")]
    [TestCase("AT+MQTTUSERCFG=0,1,\"esp32\",\"u\",\"pa\\\",ss\",0,0,\"\"", "AT+MQTTUSERCFG=0,1,\"esp32\",\"u\",\"***\",0,0,\"\"", TestName = "ESP-AT password with an escaped quote and a comma")]
    [TestCase("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"pa\"ss\",1", "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"***\",1", TestName = "CFG password holding a bare quote: masked to the last quote")]
    [TestCase("+MQTTCFG: \"h\",6002,\"d\",60,\"p\",\"EchoedPass\",1", "+MQTTCFG: \"h\",6002,\"d\",60,\"p\",\"***\",1", TestName = "CFG read answer that echoes the password")]
    [TestCase("AT+MQTTUSERCFG=0,1,\"esp32\",\"espressif\",\"EspPass123\",0,0,\"\"", "AT+MQTTUSERCFG=0,1,\"esp32\",\"espressif\",\"***\",0,0,\"\"", TestName = "ESP-AT MQTTUSERCFG")]
    [TestCase("AT+CWJAP=\"HomeWiFi\",\"WifiKey2024\"", "AT+CWJAP=\"HomeWiFi\",\"***\"", TestName = "ESP-AT CWJAP")]
    [TestCase("AT+HTTPPARA=\"USERDATA\",\"Authorization: Bearer eyJhbGciOi.eyJzdWIi.Sfl-KxwR_J\"", "AT+HTTPPARA=\"USERDATA\",\"Authorization: Bearer ***\"", TestName = "an HTTP Bearer token")]
    [TestCase("AT+HTTPHEADER=\"Authorization: Basic dXNlcjpwYXNzd29yZA==\r\nAccept: */*\"", "AT+HTTPHEADER=\"Authorization: Basic ***\r\nAccept: */*\"", TestName = "an HTTP Basic header before another")]
    [TestCase("proxy-authorization: c2VjcmV0cGFzcw==", "proxy-authorization: ***", TestName = "a header value without a scheme")]
    [TestCase("{\"Authorization\":\"Bearer abc123def\",\"Accept\":\"json\"}", "{\"Authorization\":\"***\",\"Accept\":\"json\"}", TestName = "an Authorization header in JSON")]
    [TestCase("AT+CWJAP_DEF=\"HomeWiFi\",\"WifiKey2024\",\"ca:d7:19:d8:a6:44\"", "AT+CWJAP_DEF=\"HomeWiFi\",\"***\",\"ca:d7:19:d8:a6:44\"", TestName = "ESP8266 CWJAP_DEF with bssid")]
    [TestCase("AT+CWJEAP=\"corp\",1,\"id\",\"alice\",\"EapPass99\",0", "AT+CWJEAP=\"corp\",1,\"id\",\"alice\",\"***\",0", TestName = "ESP-AT CWJEAP")]
    [TestCase("AT+MCONFIG=\"868488076506128\",\"user\",\"Air780Pass\"", "AT+MCONFIG=\"868488076506128\",\"user\",\"***\"", TestName = "Air780 MCONFIG")]
    [TestCase("AT+MCONFIG=dev1,prod1,version=2018-10-31&res=products%2F1%2Fdevices%2Fdev1&et=1672735919&method=md5&sign=ZjA1NzZl%3D",
        "AT+MCONFIG=dev1,prod1,***", TestName = "Air780 MCONFIG with a OneNET token")]
    [TestCase("AT+QMTCONN=0,\"client1\",\"user1\",\"QuecPass1\"", "AT+QMTCONN=0,\"client1\",\"user1\",\"***\"", TestName = "Quectel QMTCONN")]
    [TestCase("AT+QMTCFG=\"aliauth\",0,\"a1pk\",\"dev\",\"AliDeviceSecret\"", "AT+QMTCFG=\"aliauth\",0,\"a1pk\",\"dev\",\"***\"", TestName = "Quectel QMTCFG aliauth")]
    [TestCase("AT+QMTCFG=\"keepalive\",0,120", "AT+QMTCFG=\"keepalive\",0,120", TestName = "Quectel QMTCFG keepalive is no secret")]
    [TestCase("AT+QICSGP=1,1,\"CMNET\",\"apnuser\",\"ApnPass1\",1", "AT+QICSGP=1,1,\"CMNET\",\"apnuser\",\"***\",1", TestName = "Quectel QICSGP")]
    [TestCase("AT+CMQTTCONNECT=0,\"tcp://broker:1883\",60,1,\"simuser\",\"SimPass12\"", "AT+CMQTTCONNECT=0,\"tcp://broker:1883\",60,1,\"simuser\",\"***\"", TestName = "SIMCom CMQTTCONNECT")]
    [TestCase("AT+MQTTCONN=0,\"iot.example.com\",1883,\"ml307-door-3\",\"door3\",\"Wq2Ls9Xp\"", "AT+MQTTCONN=0,\"iot.example.com\",1883,\"ml307-door-3\",\"door3\",\"***\"", TestName = "OneMO ML307 MQTTCONN")]
    [TestCase("AT+MQTTCONN=0,\"broker.example.net\",1883,1", "AT+MQTTCONN=0,\"broker.example.net\",1883,1", TestName = "ESP-AT MQTTCONN has no credential")]
    [TestCase("AT+CMQCON=0,3,\"sim7020dev\",600,1,0,\"user\",\"Zx9pass77\"", "AT+CMQCON=0,3,\"sim7020dev\",600,1,0,\"user\",\"***\"", TestName = "SIMCom SIM7020 CMQCON")]
    [TestCase("AT+CMQCON=0,4,\"d7020\",600,0,1,\"topic=lwt,QoS=1,retained=0,message_id=0,message=bye\",\"u7020\",\"Wl7pass88\"",
        "AT+CMQCON=0,4,\"d7020\",600,0,1,\"topic=lwt,QoS=1,retained=0,message_id=0,message=bye\",\"u7020\",\"***\"", TestName = "SIMCom SIM7020 CMQCON with a will")]
    [TestCase("AT+CMQCON=0,3,\"sim7020dev\",600,1,0", "AT+CMQCON=0,3,\"sim7020dev\",600,1,0", TestName = "SIMCom SIM7020 CMQCON without credentials")]
    [TestCase("AT+SMCONF=\"PASSWORD\",\"SmPass123\"", "AT+SMCONF=\"PASSWORD\",\"***\"", TestName = "SIMCom SMCONF PASSWORD")]
    [TestCase("AT+SMCONF=\"USERNAME\",\"smuser\"", "AT+SMCONF=\"USERNAME\",\"smuser\"", TestName = "SIMCom SMCONF USERNAME is no secret")]
    [TestCase("=> at+cwjap=\"ssid\",\"lowercase1\"", "=> at+cwjap=\"ssid\",\"***\"", TestName = "transcript arrow, lower case")]
    [TestCase("{\"deviceSecret\":\"ds0123456789\",\"iotToken\": \"tk0123456789\",\"deviceName\":\"d1\"}",
        "{\"deviceSecret\":\"***\",\"iotToken\": \"***\",\"deviceName\":\"d1\"}", TestName = "HTTPREAD JSON body")]
    [TestCase("productId=123&deviceName=d1&sign=AbCdEf%3D%3D&ts=1", "productId=123&deviceName=d1&sign=***&ts=1", TestName = "form body after DOWNLOAD")]
    [TestCase("password: hunter22 (from the customer)", "password: *** (from the customer)", TestName = "a note")]
    [TestCase("api_key=k-123456", "api_key=***", TestName = "snake case key")]
    [TestCase("design=plain&keepalive=60&signal=5", "design=plain&keepalive=60&signal=5", TestName = "keys that only contain a secret word")]
    [TestCase("AT+MQTTPUB=\"$dp\",1,0,0,5,7E7A7A", "AT+MQTTPUB=\"$dp\",1,0,0,5,7E7A7A", TestName = "no secret")]
    // A value that ends in a secret word and `=` (base64 keys do): inside quotes, the quote after `=` closes the string.
    [TestCase("AT+MQTTCFG=\"h\",6002,\"512345678\",120,\"234567\",\"myKey=\",1", "AT+MQTTCFG=\"h\",6002,\"512345678\",120,\"234567\",\"***\",1", TestName = "CFG password ending in Key=")]
    [TestCase("+MQTTCFG: \"h\",6002,\"d\",120,\"u\",\"deviceToken=\",1", "+MQTTCFG: \"h\",6002,\"d\",120,\"u\",\"***\",1", TestName = "CFG answer with a password ending in Token=")]
    [TestCase("AT+MQTTPUB=\"t\",1,0,0,6,\"myKey=\"", "AT+MQTTPUB=\"t\",1,0,0,6,\"myKey=\"", TestName = "a message ending in Key= is no secret")]
    [TestCase("AT+HTTPPARA=\"USERDATA\",\"token=abc123\"", "AT+HTTPPARA=\"USERDATA\",\"token=***\"", TestName = "key=value inside quotes")]
    [TestCase("AT+MQTTCFG =\"h\",6002,\"d\",60,\"p\",\"PwA1x\",1", "AT+MQTTCFG =\"h\",6002,\"d\",60,\"p\",\"***\",1", TestName = "a space before =")]
    [TestCase("AT+MQTTCFG\t= \"h\",6002,\"d\",60,\"p\",\"PwA1x\",1", "AT+MQTTCFG\t= \"h\",6002,\"d\",60,\"p\",\"***\",1", TestName = "a tab before =")]
    [TestCase("AT+QMTCONN = 0,\"c1\",\"u1\",\"PwA1x\"", "AT+QMTCONN = 0,\"c1\",\"u1\",\"***\"", TestName = "Quectel QMTCONN with spaces around =")]
    [TestCase("+MQTTCFG : \"h\",6002,\"d\",60,\"p\",\"PwA1x\",1", "+MQTTCFG : \"h\",6002,\"d\",60,\"p\",\"***\",1", TestName = "CFG answer with a space before the colon")]
    [TestCase("AT+MQTTPUB=\"$sys/123/dev1/token=TopSecret1\",1,0,0,0,hi", "AT+MQTTPUB=\"$sys/123/dev1/token=***\",1,0,0,0,hi", TestName = "key=value inside a topic")]
    [TestCase("{\"note\":\"password=hunter22\",\"n\":1}", "{\"note\":\"password=***\",\"n\":1}", TestName = "key=value inside a JSON string")]
    [TestCase("{'password': 'hunter 22', 'host': 'h'}", "{'password': '***', 'host': 'h'}", TestName = "a Python dict")]
    [TestCase("client.username_pw_set('u', password='hunter22')", "client.username_pw_set('u', password='***')", TestName = "a Python keyword argument")]
    [TestCase("{\"key\":[{\"v\":1}],\"n\":2}", "{\"key\":[{\"v\":1}],\"n\":2}", TestName = "a JSON array under a secret-named key keeps its brackets")]
    // Line noise and typing slips: a quote or a comma lost before the credential, or a garbled name. Where the
    // credential starts is then not known, so everything from where it may start is masked.
    [TestCase("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod,\"Lost1quote\",1", "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod,***", TestName = "CFG with a quote lost before the password")]
    [TestCase("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod,Open2quote,1", "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,***", TestName = "CFG with a quote left open before the password")]
    [TestCase("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod\"\"Lost3comma\",1", "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod\"***", TestName = "CFG with the comma before the password lost")]
    [TestCase("AT+MQTTCFG=\"h\"x,6002,\"d\",60,\"p\",\"Junk4host\",1", "AT+MQTTCFG=\"h\"***", TestName = "CFG with junk after the host's quote")]
    [TestCase("AT+MQTTCF=\"h\",6002,\"d\",60,\"p\",\"Lost5letter\",1", "AT+MQTTCF=\"h\",6002,\"d\",60,\"p\",\"***\",1", TestName = "CFG with a letter lost from its name")]
    [TestCase("AT+MQTTCGF=\"h\",6002,\"d\",60,\"p\",\"Swap6letters\",1", "AT+MQTTCGF=\"h\",6002,\"d\",60,\"p\",\"***\",1", TestName = "CFG with two letters of its name swapped")]
    [TestCase("at+mqttcfh=\"h\",6002,\"d\",60,\"p\",\"Changed7\",1", "at+mqttcfh=\"h\",6002,\"d\",60,\"p\",\"***\",1", TestName = "CFG with a letter of its name changed, lower case")]
    [TestCase("AT+MQTTCFGG=\"h\",6002,\"d\",60,\"p\",\"Added8letter\",1", "AT+MQTTCFGG=\"h\",6002,\"d\",60,\"p\",\"***\",1", TestName = "CFG with a letter added to its name")]
    [TestCase("AT+QMTCON=0,\"c1\",\"u1\",\"Quec9lost\"", "AT+QMTCON=0,\"c1\",\"u1\",\"***\"", TestName = "Quectel QMTCONN with a letter lost")]
    [TestCase("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\": expected +CME ERROR: 601; got 'OK'", "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\": expected +CME ERROR: 601; got 'OK'", TestName = "words after a CFG without its password are no garbled field")]
    [TestCase("AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",pa,ss9word,1", "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",***,1", TestName = "CFG with an unquoted password holding a comma")]
    [TestCase("AT+MQTTCFG=h,1883,id,300,user,a,b,c,0,0", "AT+MQTTCFG=h,1883,id,300,user,***,0,0", TestName = "M5311 CFG with an unquoted password holding two commas")]
    [TestCase("AT+QMTCONN=0,\"c1\",\"u1\",Pw,12", "AT+QMTCONN=0,\"c1\",\"u1\",***", TestName = "Quectel QMTCONN with an unquoted last password holding a comma and digits")]
    [TestCase("AT+CSTT=CMNET,user,pa ss,wo rd ", "AT+CSTT=CMNET,user,*** ", TestName = "SIM800 CSTT with an unquoted last password holding a comma and spaces")]
    [TestCase("AT+CWSAP=\"ap\",ke,y9,5,3", "AT+CWSAP=\"ap\",***,5,3", TestName = "ESP-AT soft-AP with an unquoted key holding a comma before its channel")]
    // An unquoted credential holding commas and digits: the command's own fields after it are counted from the line's end.
    [TestCase("AT+MQTTCFG=host,6002,dev1,60,prod1,ab,12,1", "AT+MQTTCFG=host,6002,dev1,60,prod1,***,1", TestName = "CFG with an unquoted password of a comma and digits")]
    [TestCase("AT+MQTTCFG=host,6002,dev1,60,prod1,ab,12,345,0", "AT+MQTTCFG=host,6002,dev1,60,prod1,***,0", TestName = "CFG with an unquoted password of two commas and digits")]
    [TestCase("+MQTTCFG: host,6002,dev1,60,prod1,ab,12,1", "+MQTTCFG: host,6002,dev1,60,prod1,***,1", TestName = "CFG answer echoing a password of a comma and digits")]
    [TestCase("AT+MQTTCFG=host,1883,id,300,user,ab,12,1,0", "AT+MQTTCFG=host,1883,id,300,user,***,1,0", TestName = "M5311 CFG with an unquoted password of a comma and digits")]
    [TestCase("AT+MQTTUSERCFG=0,1,esp32,user,pa,12,0,0,\"\"", "AT+MQTTUSERCFG=0,1,esp32,user,***,0,0,\"\"", TestName = "ESP-AT MQTTUSERCFG with an unquoted password of a comma and digits")]
    [TestCase("AT#XMQTTCON=1,nrf-1,user1,pa,12,mqtt.example.com,1883", "AT#XMQTTCON=1,nrf-1,user1,***,mqtt.example.com,1883", TestName = "Nordic XMQTTCON with an unquoted password of a comma and digits before the URL")]
    [TestCase("AT#XMQTTCON=1,nrf-1,user1,pass,mqtt.example.com,1883,42", "AT#XMQTTCON=1,nrf-1,user1,***,mqtt.example.com,1883,42", TestName = "Nordic XMQTTCON unquoted with its optional sec_tag")]
    [TestCase("AT+CWSAP=\"ap\",ke,12,5,3", "AT+CWSAP=\"ap\",***,5,3", TestName = "ESP-AT soft-AP with an unquoted key of a comma and digits")]
    // Optional fields after the credential: a number that may be the optional field or a piece of the password is masked.
    [TestCase("AT+QICSGP=1,1,CMNET,user,pa,12", "AT+QICSGP=1,1,CMNET,user,***", TestName = "Quectel QICSGP unquoted, its optional authentication or a piece: masked")]
    [TestCase("AT+QICSGP=1,1,\"CMNET\",\"user\",\"pa,12\",1", "AT+QICSGP=1,1,\"CMNET\",\"user\",\"***\",1", TestName = "Quectel QICSGP quoted keeps its authentication")]
    [TestCase("AT+MCONFIG=dev1,user,pa,12", "AT+MCONFIG=dev1,user,***", TestName = "Air780 MCONFIG unquoted, a will flag or a piece: masked")]
    [TestCase("AT+CWJAP=HomeWiFi,pa,12,\"ca:d7:19:d8:a6:44\"", "AT+CWJAP=HomeWiFi,***,\"ca:d7:19:d8:a6:44\"", TestName = "CWJAP unquoted key before a quoted BSSID")]
    [TestCase("AT+MQTTCONN=1,my_test_host,user_test,Pswd7test", "AT+MQTTCONN=1,my_test_host,user_test,***", TestName = "Realtek Ameba MQTTCONN, four fields")]
    [TestCase("AT+MQTTCONN=1,\"dev1\",\"75829\",\"Am3ba,key\"", "AT+MQTTCONN=1,\"dev1\",\"75829\",\"***\"", TestName = "Realtek Ameba MQTTCONN quoted")]
    [TestCase("AT+UMQTT=4,\"ubxuser\",\"Ubx9pass\"", "AT+UMQTT=4,\"ubxuser\",\"***\"", TestName = "u-blox UMQTT username and password")]
    [TestCase("AT+UMQTT=2,\"broker.example.com\",1883", "AT+UMQTT=2,\"broker.example.com\",1883", TestName = "u-blox UMQTT server name is no secret")]
    [TestCase("AT#XMQTTCON=1,\"nrf-352656100123456\",\"nrfuser\",\"Nrf5pass\",\"mqtt.example.com\",1883", "AT#XMQTTCON=1,\"nrf-352656100123456\",\"nrfuser\",\"***\",\"mqtt.example.com\",1883", TestName = "Nordic SLM XMQTTCON")]
    [TestCase("note #XMQTTCON=1,\"c\",\"u\",\"shown\" is not a command", "note #XMQTTCON=1,\"c\",\"u\",\"shown\" is not a command", TestName = "a hash name without AT is no command")]
    [TestCase("AT+MQTTSUB=\"dev/cmd\",1", "AT+MQTTSUB=\"dev/cmd\",1", TestName = "a command near no credential command is left alone")]
    [TestCase("AT+MQTTPUB=\"t\",1,0,0,5,\"he\"lo\"", "AT+MQTTPUB=\"t\",1,0,0,5,\"he\"lo\"", TestName = "broken quotes in a command without a credential are left alone")]
    public void Masks_the_credential(string line, string shown) => Assert.That(SecretPolicy.Redact(line), Is.EqualTo(shown));

    [Test]
    public void A_value_once_learned_is_masked_wherever_it_comes_back()
    {
        var masker = new SecretMasker();
        masker.Mask("AT+CWJAP=\"ssid\",\"WifiKey2024\"");

        Assert.That(masker.Mask("+CWJAP: connected with WifiKey2024"), Is.EqualTo("+CWJAP: connected with ***"));
        Assert.That(new SecretMasker().Mask("+CWJAP: connected with WifiKey2024"), Does.Contain("WifiKey2024"), "another run has learned nothing");
    }

    [Test]
    public void Each_piece_of_an_unquoted_password_holding_commas_is_learned()
    {
        // A parser reads such a password as several fields, and its message quotes one: `clean: … (got "Tail9x")`.
        var masker = new SecretMasker();
        Assert.That(masker.Mask("AT+MQTTCFG=h,6002,d,60,p,Head9x,Tail9x,1"), Is.EqualTo("AT+MQTTCFG=h,6002,d,60,p,***,1"));

        Assert.That(masker.Mask("clean: must be a decimal number (got \"Tail9x\")"), Is.EqualTo("clean: must be a decimal number (got \"***\")"));
        Assert.That(masker.Mask("user Head9x"), Is.EqualTo("user ***"));
    }

    [Test]
    public void A_value_learned_with_escapes_is_masked_also_without_them()
    {
        // ESP-AT escapes a quote in a password; the module and the host show it bare elsewhere.
        var masker = new SecretMasker();
        masker.Mask("AT+MQTTUSERCFG=0,1,\"esp32\",\"u\",\"pa\\\"Wifi,Key\",0,0,\"\"");

        Assert.That(masker.Mask("AT+MQTTPUB=0,\"dev/pa\"Wifi,Key\",\"x\",0,0"), Is.EqualTo("AT+MQTTPUB=0,\"dev/***\",\"x\",0,0"));
    }

    [Test]
    public void A_known_secret_is_masked_in_any_text_and_show_turns_everything_off()
    {
        Assert.That(new SecretMasker(["TopSecret123456"]).Mask("step §1.1 failed: TopSecret123456\nTopSecret123456"),
            Is.EqualTo("step §1.1 failed: ***\n***"));
        const string line = "AT+CWJAP=\"ssid\",\"WifiKey2024\"";
        Assert.That(new SecretMasker(["WifiKey2024"], show: true).Mask(line), Is.EqualTo(line));
    }

    [Test]
    public void A_short_or_masked_value_is_not_learned()
    {
        var masker = new SecretMasker();
        masker.Mask("AT+CWJAP=\"ssid\",\"abc\"");
        masker.Mask("+MQTTCFG: \"h\",1,\"d\",60,\"p\",***,1");

        Assert.That(masker.Mask("abc *** abcd"), Is.EqualTo("abc *** abcd"));
    }

    [Test]
    public void A_secret_in_utf8_bytes_is_masked_in_text_and_the_other_way_round()
    {
        var masker = new SecretMasker(["密码Secret"]);
        var bytes = masker.Mask("AT+X=\"密码Secret\""u8);

        Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Is.EqualTo("AT+X=\"***\""));
    }

    [Test]
    public void Any_line_is_masked_without_error_and_a_known_secret_never_survives()
    {
        // Lines built from the characters the rules react to, with the key planted anywhere.
        var line = Gen.Char["AT+=:,\"&{}_ pwdsignkeyQMTCFG01\\"].Array[0, 80].Select(c => new string(c));
        Gen.Select(line, line).Sample((before, after) =>
        {
            var masked = new SecretMasker(["TopSecret123456"]).Mask(before + "TopSecret123456" + after);
            Assert.That(masked, Does.Not.Contain("TopSecret123456"));
        });
    }

    [Test]
    public void A_line_found_clean_is_masked_once_a_value_in_it_is_learned()
    {
        var masker = new SecretMasker();
        // The same string each time, as a reader hands out a line the module repeats.
        const string Repeated = "+MQTTSUBRECV: \"dev/cmd\",hunter2hunter2";

        Assert.That(masker.Mask(Repeated), Is.SameAs(Repeated));
        Assert.That(masker.Mask(Repeated), Is.SameAs(Repeated));
        Assert.That(masker.Mask("AT+MQTTCFG=\"h\",1883,\"id\",60,\"u\",\"hunter2hunter2\",1"), Does.Not.Contain("hunter2"));
        Assert.That(masker.Mask(Repeated), Is.EqualTo("+MQTTSUBRECV: \"dev/cmd\",***"));

        var other = new SecretMasker(["dev/cmd"]);
        Assert.That(other.Mask(Repeated), Is.EqualTo("+MQTTSUBRECV: \"***\",hunter2hunter2"), "another masker knows other secrets");
    }
}
