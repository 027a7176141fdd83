namespace Conformance.Analyzer.Tests;

/// <summary>Logs of whole sessions: the manual's chapter 4, a reconnection episode, and a messy field log.</summary>
internal static class Sessions
{
    public const string ApiKey = "IIOu0oFUgnTK1uzAcnM=";

    public const string Config = "AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"" + ApiKey + "\",1";

    /// <summary>The manual's chapter 4 session (with §1.1–§1.11's answers).</summary>
    public static Log Chapter4(bool timed = true, bool echo = false, int split = 0) =>
        new Log(timed, echo, split)
            .Exchange("AT", "\r\nOK\r\n", 12)
            .Exchange("AT+CSQ", "\r\n+CSQ: 24,99\r\n\r\nOK\r\n", 30)
            .Exchange("AT+CEREG?", "\r\n+CEREG: 0,1\r\n\r\nOK\r\n", 25)
            .Exchange("AT+CGATT?", "\r\n+CGATT: 1\r\n\r\nOK\r\n", 40)
            .Exchange(Config, "\r\nOK\r\n", 15)
            .Exchange("AT+MQTTCFG?", "\r\n+MQTTCFG:\"183.230.40.39\",6002,\"4069959\",60,\"75829\",***,1\r\n\r\nOK\r\n", 18)
            .Exchange("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "\r\nOK\r\n", 22).Wait(900).Receive("\r\n+MQTTOPEN: OK\r\n")
            .Exchange("AT+MQTTSTAT?", "\r\n+MQTTSTAT: 5\r\n\r\nOK\r\n", 16)
            .Exchange("AT+MQTTSUB=\"dev/gsm/u\",2", "\r\nOK\r\n", 20).Wait(300).Receive("\r\n+MQTTSUBACK: 5,2\r\n")
            .Exchange("AT+MQTTSUB?", "\r\n+MQTTSUB:\r\ndev/gsm/u\r\n\r\nOK\r\n", 14)
            .Exchange("AT+MQTTPUB=\"dev/gsm/u\",2,1,0,0,\"update message\"", "\r\nOK\r\n", 35).Wait(200)
            .Receive("\r\n+MQTTPUBREC: 0,14\r\n\r\n+MQTTPUBCOMP: 0,14\r\n\r\n+MQTTPUBLISH: 0,2,0,9,\"dev/gsm/u\",14\r\nupdate message\r\n\r\n+MQTTPUBREL: 0,9\r\n")
            .Exchange("AT+MQTTPUB=$dp,2,1,0,30,03001B7b2274657374223a2268656c6c6fefbc8c776f726c64efbc81227d", "\r\nOK\r\n", 50).Wait(250)
            .Receive("\r\n+MQTTPUBREC:2,0\r\n+MQTTPUBCOMP:3,0\r\n")
            .Exchange("AT+MQTTUNSUB=\"dev/gsm/u\"", "\r\nOK\r\n", 20).Wait(150).Receive("\r\n+MQTTUNSUBACK: 8\r\n")
            .Exchange("AT+MQTTPING=0", "\r\nOK\r\n+MQTTPINGRSP: OK\r\n", 24)
            .Exchange("AT+MQTTDISC", "\r\nOK\r\n", 19).Wait(100).Receive("\r\n+MQTTDISC: OK\r\n")
            .Exchange("AT+MQTTDISC", "\r\n+CME ERROR: 3\r\n", 11)
            .Exchange("AT+MQTTDEL", "\r\nOK\r\n", 13);

    /// <summary>Connected, then three missed PINGRESPs, three reconnection attempts, and the module gives up (manual §3.3.5).</summary>
    public static Log Reconnection(bool timed = true) =>
        new Log(timed)
            .Exchange(Config, "\r\nOK\r\n")
            .Exchange("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "\r\nOK\r\n").Wait(800).Receive("\r\n+MQTTOPEN: OK\r\n")
            .Wait(120_000).Receive("\r\n+MQTTTO: 5\r\n")
            .Wait(60_000).Receive("\r\n+MQTTTO: 5\r\n")
            .Wait(60_000).Receive("\r\n+MQTTTO: 5\r\n")
            .Wait(5_000).Receive("\r\n+MQTTREC: 0\r\n")
            .Wait(5_000).Receive("\r\n+MQTTREC: 1\r\n")
            .Wait(5_000).Receive("\r\n+MQTTREC: 2\r\n")
            .Wait(5_000).Receive("\r\n+MQTTDISC: OK\r\n")
            .Exchange("AT+MQTTSTAT?", "\r\n+MQTTSTAT: 2\r\n\r\nOK\r\n");

    /// <summary>
    /// A field log: no times, echo on with one garbled echo, answers split mid-line, field dialect, errors,
    /// commands out of order, a broken $dp payload, power-up noise and a log cut off mid-line.
    /// </summary>
    public static Log Messy() =>
        new Log(timed: false, echo: true, split: 7)
            .Receive("\0\u0001")
            .Exchange("AT", "\r\nOK\r\n")
            .Exchange(Config, "\r\nOK\r\n")
            .Exchange("AT+MQTTPUB=$dp,1,0,0,4,03000", "\r\nERROR\r\n")
            .Exchange("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "\r\nOK\r\n+MQTTOPEN:OK\r\n")
            .Send("AT+MQTTSUB=\"pyr\",1").Receive("AT+MQTTSUB=\"pyx\",1\r\r\nOK\r\n+MQTTSUBACK:1,1,pyr\r\n")
            .Exchange("AT+MQTTPUB=$dp,1,0,0,9,0300067b2261223a317d", "\r\nOK\r\n+MQTTPUBACK:2,0\r\n")
            .Exchange("AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"" + ApiKey + "\",1", "\r\n+CME ERROR: 651\r\n")
            .Exchange("AT+MQTTPUB=pyr,2,0,0,0,hello", "\r\nOK\r\n")
            .Send("AT+MQTTSTAT?")
            .Receive("\r\n+MQTTSTA");
}
