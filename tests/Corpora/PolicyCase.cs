namespace Conformance.Corpora;

/// <summary>One step of a policy case: a line the host sends (a command, or raw data after a prompt), then what the module answers.</summary>
/// <param name="Host">The host's line without line end; null when the module speaks on its own.</param>
/// <param name="Module">The module's bytes that follow, as text.</param>
/// <param name="IsData">True when <paramref name="Host"/> is raw data after a prompt, not a command.</param>
public sealed record PolicyStep(string? Host, string Module, bool IsData = false);

/// <summary>A hand-written exchange for one rule of docs/interpretation.md, in field conventions the generators do not produce.</summary>
public sealed record PolicyCase(string Rule, IReadOnlyList<PolicyStep> Steps)
{
    public override string ToString() => Rule;

    /// <summary>One case per rule of the interpretation policy.</summary>
    public static IReadOnlyList<PolicyCase> All { get; } =
    [
        new("outcome-before-final",
        [
            new("AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",120,\"75829\",\"pw\",1", "\r\nOK\r\n"),
            new("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "\r\n+MQTTOPEN:OK\r\n\r\nOK\r\n"),
            new("AT+MQTTSTAT?", "\r\n+MQTTSTAT: 5\r\n\r\nOK\r\n"),
        ]),
        new("final-without-command", [new(null, "\r\nOK\r\n"), new("AT", "\r\nOK\r\n")]),
        new("at-information", [new("AT+GMR", "\r\nAT version:1.7.4.0(May 11 2020 19:13:04)\r\nSDK version:3.0.4(9532ceb)\r\n\r\nOK\r\n")]),
        new("whitespace-dropped", [new("AT+CSQ", "\r\n+CSQ: 17,99\r\n   \r\n\t\r\nOK\r\n")]),
        new("free-text",
        [
            new(null, "[1] User configuration\r\n--------------------------\r\n查询SIM卡状态\r\n"),
            new("AT+CPIN?", "\r\n+CPIN: READY\r\n\r\nOK\r\n"),
            new(null, "MQTT连接成功\r\n"),
        ]),
        new("prompt-and-data",
        [
            new("AT+HTTPDATA=24,10000", "\r\nDOWNLOAD\r\n"),
            new("user=dev&sign=c2lnbmF0dXJl", "\r\nOK\r\n", IsData: true),
            new("AT+CIPSEND=5", "\r\n> "),
            new("hello", "\r\nSEND OK\r\n\r\nOK\r\n", IsData: true),
        ]),
        new("boot-banners", [new(null, "\r\nRDY\r\n\r\n*ATREADY: 1\r\n\r\n+CPIN: READY\r\n\r\nSMS DONE\r\n\r\nready\r\nWIFI GOT IP\r\n")]),
        new("doubled-echo", [new("AT+CSQ", "AT+CSQ\r\nAT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n")]),
    ];
}
