namespace Conformance.Fuzz.Tests.Seeds;

/// <summary>Hand-written captured logs, one or two of each convention the analyzer reads.</summary>
public static class FieldLogs
{
    public static readonly string[] All =
    [
        "[#Send]AT+MQTTSUB=\"dev/gsm/u\",2\r\n[#Recv]OK\r\n[#Send] AT+MQTTSTAT?\r\n[#**Recv**]+MQTTSTAT: 5\r\n[#Recv]OK\r\n",
        "[15:37:11.116]发→◇AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n□\r\n[15:37:11.141]收←◆\r\nOK\r\n\r\n[15:37:12.002]收←◆+MQTTOPEN: OK\r\n\r\n",
        "[23:59:59.900]发→◇AT\r\n□\r\n[00:00:00.010]收←◆\r\nOK\r\n",
        "[22:00:41.748]收←◆41 54 0D 0A\r\n[22:00:41.760]收←◆0D 0A 4F 4B 0D 0A \r\n[22:00:42.001]发→◇41 54 2B 43 53 51 0D 0A \r\n",
        "[2024-01-02 10:11:12.123] AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n[2024-01-02 10:11:12.200] OK\r\n[2024-01-02 10:11:13.500] +MQTTOPEN:OK\r\n",
        "[10:11:12.123] AT\n[10:11:12.140] OK\n[2024-01-02T10:11:12.123] +MQTTPINGRSP: OK\n[00:00:01.250] +MQTTTO: 5\n",
        "=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2022.05.15 21:25:59 =~=~=~=~=~=~=~=~=~=~=~=\r\nAT+MQTTSTAT?\r\r\n+MQTTSTAT: 5\r\n\r\nOK\r\n",
        "12/7/2026 14:08:35.770 [TX] - AT+MQTTPUB=\"t\",1,0,0,5,hello<CR><LF>\r\n12/7/2026 14:08:35.812 [RX] - <CR><LF>OK<CR><LF>\r\n12/7/2026 14:08:36.001 [RX] - +MQTTPUBACK:1,0\r\n",
        "<debug> [1640639307.692391] [modem0/ttyUSB1/at] --> 'AT+CSQ<CR>'\n<debug> [1640639307.712000] [modem0/ttyUSB1/at] <-- '<CR><LF>+CSQ: 24,99<CR><LF><CR><LF>OK<CR><LF>'\n",
        "#[14:33:28] AT+QMTOPEN=0,\"broker\",1883..OK..\n#[14:33:29] ..+QMTOPEN: 0,0..\n",
        "b'AT+MQTTPUB=$dp,0,0,0,6,03000130\\r\\n'\nb'\\r\\nOK\\r\\n+MQTTPUBLISH: 0,0,0,0,t,2,\\xff\\x00\\r\\n'\n",
        "\0\0\xFF\r\nOK\r\n+MQTTOPEN:OK\r\n+MQTTPUBLISH: 0,1,0,7,\"dev/gsm/u\",5,hello\r\n+MQTTSUBACK:1,1,pyr\r\n",
        "# conformance-trace 1\n# target: virtual\n2026-11-25T22:40:41.125000Z > AT+MQTTSTAT?\\r\\n\n2026-11-25T22:40:41.130000Z < \\r\\n+MQTTSTAT: 5\\r\\n\\r\\nOK\\r\\n\n2026-11-25T22:40:41.131000Z * step 1\n",
        "--> AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"TopSecret123456\",1\n<-- OK\n=> AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n<= OK +MQTTOPEN: OK\n",
        "```\nTX: AT+MQTTSUB=\"a\",1\nRX: OK\nRX: +MQTTSUBACK: 1,1\n```\n// a comment\n/* block\n comment */\n[TX] AT\n[RX] OK\n",
        "10:11:12.123 >> AT+CSQ\n10:11:12.150 << +CSQ: 31,99 OK\n» AT\n« OK\n发送: AT\n接收: OK\n- 2026-01-02 10:11:12 Send: AT+MQTTDISC\n",
        "# [15:37:11.116]发→◇AT\n# □\n# [15:37:11.141]收←◆\n# OK\n#\n",
        "AT+MQTTPUB=\"t\",1,0,0,5\r\n> hello\r\nOK\r\n+MQTTPUBLISH: 0,0,0,0,t,3\r\nabc\r\n",
        // A gateway's log of two modules, each line naming its port; a JSON log naming its device.
        "Nov 30 10:00:01 gw modemd[311]: [ttyUSB0] > AT+CSQ\nNov 30 10:00:01 gw modemd[311]: [ttyUSB1] > AT+CSQ\nNov 30 10:00:01 gw modemd[311]: [ttyUSB1] < +CSQ: 12,99\n" +
            "Nov 30 10:00:02 gw modemd[311]: [ttyUSB0] < +CSQ: 25,99\nNov 30 10:00:02 gw modemd[311]: [ttyUSB0] < OK\nNov 30 10:00:02 gw modemd[311]: [ttyUSB1] < OK\n",
        "{\"ts\":\"2026-11-30T10:00:01.100Z\",\"port\":\"/dev/ttyUSB0\",\"dir\":\"tx\",\"data\":\"AT+CSQ\"}\n{\"ts\":\"2026-11-30T10:00:01.110Z\",\"port\":\"/dev/ttyUSB1\",\"dir\":\"tx\",\"data\":\"AT\"}\n" +
            "{\"ts\":\"2026-11-30T10:00:01.160Z\",\"port\":\"/dev/ttyUSB1\",\"dir\":\"rx\",\"data\":\"OK\"}\n{\"ts\":\"2026-11-30T10:00:01.200Z\",\"port\":\"/dev/ttyUSB0\",\"dir\":\"rx\",\"data\":\"+CSQ: 22,99\\r\\nOK\"}\n",
    ];
}
