namespace Conformance.Fuzz.Tests.Seeds;

/// <summary>
/// Hand-written M5310-A traffic: the manual's forms, the field's variants (no space after the colon, v1.3 names),
/// vendor and boot lines. Written for these tests, not taken from a generator.
/// </summary>
public static class FieldLines
{
    /// <summary>Command lines a host sends.</summary>
    public static readonly string[] Commands =
    [
        "AT", "ATE0", "ATE1", "AT+CGSN=1", "AT+CSQ", "AT+CEREG?", "AT+CGATT?", "AT+CGMR", "ATI",
        "AT+MQTTCFG=\"183.230.40.39\",6002,\"569423156\",120,\"312512\",\"TopSecret123456\",1",
        "AT+MQTTCFG=\"mqtt.heclouds.com\",6002,\"dev01\",60,\"prod\",\"k=v&sign=abc%2Fdef\",0",
        "AT+MQTTCFG?", "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "AT+MQTTOPEN=1,1,1,1,2,\"will/t\",\"bye\"", "AT+MQTTSTAT?",
        "AT+MQTTSUB=\"dev/gsm/u\",1", "AT+MQTTSUB=\"$sys/569423156/dev01/dp/post/json/+\",2,3", "AT+MQTTSUB?", "AT+MQTTSUB=?",
        "AT+MQTTPUB=\"dev/gsm/u\",1,0,0,5,hello", "AT+MQTTPUB=\"t\",0,0,0,0", "AT+MQTTPUB=$dp,2,1,0,30,03001B7b2274656d7065726174757265223a32322e357d",
        "AT+MQTTPUB=\"t\",2,1,0,\"{\\\"a\\\":1}\"", "AT+MQTTUNSUB=\"dev/gsm/u\"", "AT+MQTTDISC", "AT+MQTTDEL", "AT+MQTTTO=10",
        "AT+MQTTPING=1", "AT+MQTTPING=0", "at+mqttstat?", "AT+mqttSub=\"a\",0", "AT+NRB", "AT+CWJAP=\"ssid\",\"WifiKey2024\"",
        "AT^SYSCONFIG=2,2,1,2", "AT&F", "AT+QMTOPEN=0,\"broker\",1883", "AT+MQTTCFG=\"h\",1,\"d\",60,\"p\",\"TopSec",
        "XAT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"TopSecretC\",1", "AT+MQTTPUB=\"t\",1,0,0,4294967296,x", "AT+MQTTSUB=\"a,b\",1",
    ];

    /// <summary>Lines the module sends: answers, URCs and what else appears on its port.</summary>
    public static readonly string[] Module =
    [
        "OK", "ERROR", "+CME ERROR: 601", "+CME ERROR:3", "+CME ERROR: 651", "+CMS ERROR: 500", "+MQTTOPEN: OK", "+MQTTOPEN:OK",
        "+MQTTOPEN:FAIL", "+MQTTSTAT: 5", "+MQTTSTAT:0", "+MQTTSUBACK: 5,2", "+MQTTSUBACK:1,1,pyr", "+MQTTSUBACK: 1,128,\"dev/gsm/u\"",
        "+MQTTPUBACK: 3,0", "+MQTTPUBREC: 0,10", "+MQTTPUBREL: 0,10", "+MQTTPUBCOMP: 0,10", "+MQTTPINGRSP: OK", "+MQTTPINGRESP:OK",
        "+MQTTUNSUBACK: 7", "+MQTTUNSUBACK:5,pyr", "+MQTTTO: 1", "+MQTTTO: 5", "+MQTTREC: 0", "+MQTTREC:2", "+MQTTDISC: OK",
        "+MQTTPUBLISH: 0,1,0,7,\"dev/gsm/u\",5,hello", "+MQTTPUBLISH: 0,0,0,0,dev/gsm/u,3\r\nabc", "+MQTTPUBLISH:0,2,0,9,\"a,b\",0,",
        "+MQTTPUBLISH: 0,1,0,1,$creq/7a1b,4,\u0000\u0001\u00FF\u00FE", "+MQTTCFG: \"183.230.40.39\",6002,\"569423156\",120,\"312512\",***,1",
        "+MQTTSUB:", "dev/gsm/u", "+CSQ: 31,99", "+CSQ:99,99", "+CEREG: 0,1", "+CGATT:1", "+CGSN: 869976030000001", "869976030000001",
        "REBOOT_CAUSE_APPLICATION_AT", "Neul", "M5310-A", "V100R100C10B657SP3", "Lierda", "> ", ">", "+IP: 10.1.2.3", "+NNMI: 4,AABBCCDD",
        "\u0000\u0000\u00FF\u00FF", "+MQTTPUBLISH: 0,0,0,0,t,99999999999", "+CME ERROR: 4294967296", "+MQTTSTAT: -1", "+MQTTSUBACK: ,,",
        "+MQTTPUBLISH: 0,0,0,0,\"t\",10,0123456789", "+MQTTPUBACK: 65535,1", "+MQTTPUBACK:65536,0", "WAIT", "SEND OK", "CONNECT",
    ];

    /// <summary>A typical session: host lines and module lines interleaved as a terminal shows them.</summary>
    public static readonly string Session = string.Join("\r\n",
    [
        "AT", "OK", "AT+CSQ", "+CSQ: 24,99", "OK",
        Commands[9], "OK", "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK", "+MQTTOPEN: OK",
        "AT+MQTTSUB=\"dev/gsm/u\",1", "OK", "+MQTTSUBACK: 1,1,\"dev/gsm/u\"",
        "AT+MQTTPUB=\"dev/gsm/u\",1,0,0,5,hello", "OK", "+MQTTPUBACK: 2,0", "+MQTTPUBLISH: 0,1,0,3,\"dev/gsm/u\",5,hello",
        "+MQTTPINGRSP: OK", "AT+MQTTDISC", "OK", "+MQTTDISC: OK", "",
    ]);
}
