using Conformance.Protocol.Codes;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>
/// <c>+MQTTCFG: &lt;host&gt;,&lt;port&gt;,&lt;id&gt;,&lt;keepalive&gt;,&lt;user&gt;,***,&lt;clean&gt;</c>: the client instance's
/// settings, answered to <c>AT+MQTTCFG?</c> (manual §1.1).
/// </summary>
/// <param name="Host">The broker's IP address or domain name.</param>
/// <param name="Port">The broker's port.</param>
/// <param name="Id">The MQTT client id (OneNET device ID).</param>
/// <param name="KeepAlive">Keep-alive in seconds.</param>
/// <param name="User">The user name (OneNET product ID).</param>
/// <param name="PasswordMask">
/// The password field as received: <c>***</c> from a conforming module. When firmware echoes the password it is
/// kept here as received (and reported as <c>password-echoed</c>); redact it before sharing a report.
/// </param>
/// <param name="Clean">True for a clean session.</param>
public sealed record MqttConfig(string Host, int Port, string Id, int KeepAlive, string User, string PasswordMask, bool Clean)
    : InformationResponse
{
    /// <summary>The mask of the manual's §1.1 example (its parameter table writes <c>"*****"</c>).</summary>
    public const string Mask = "***";

    public bool IsPasswordMasked => PasswordMask.Length > 0 && PasswordMask.AsSpan().IndexOfAnyExcept('*') < 0;

    public override string Format(Dialect dialect) =>
        ResponseText.Line("+MQTTCFG", dialect, $"\"{Host}\",{Port},\"{Id}\",{KeepAlive},\"{User}\",{PasswordMask},{(Clean ? 1 : 0)}");

    internal static MqttConfig Read(ResponseReader reader)
    {
        reader.Split("1.1", 7, 7);
        var config = new MqttConfig(reader.Text(0), reader.Int(1, "port", 0, 65535), reader.Text(2),
            reader.Int(3, "keepAlive", 0, 65535), reader.Text(4), reader.Text(5), reader.Flag(6, "clean"));
        if (!config.IsPasswordMasked)
            reader.Deviate(CodeList.PasswordEchoed,
                $"the password field at character {reader.Position(5) + 1} is not masked: the module reveals its " +
                $"{config.PasswordMask.Length}-character secret; the manual shows {Mask}");
        else if (config.PasswordMask != Mask || reader.IsQuoted(5))
            reader.Deviate(CodeList.PasswordMaskForm, $"password masked differently from the manual's example {Mask}");
        return config;
    }
}
