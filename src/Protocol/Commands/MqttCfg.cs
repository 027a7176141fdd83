using Conformance.Protocol.Codes;
using System.Text;
using Conformance.Protocol.Secrets;

namespace Conformance.Protocol.Commands;

/// <summary><c>AT+MQTTCFG=…</c>: create the client instance (manual §1.1). The password never leaves redacted output.</summary>
/// <param name="Host">Broker IP or domain; OneNET: 183.230.40.39.</param>
/// <param name="Port">Broker port; OneNET: 6002.</param>
/// <param name="Id">MQTT client id; OneNET: the device ID.</param>
/// <param name="KeepAlive">Keep-alive in seconds.</param>
/// <param name="User">User name; OneNET: the product ID.</param>
/// <param name="Password">Password; OneNET: the API key or auth info.</param>
/// <param name="Clean">True for a clean session.</param>
public sealed record MqttCfg(string Host, int Port, string Id, int KeepAlive, string User, string Password, bool Clean)
    : AtCommand
{
    /// <summary>
    /// An eighth argument after clean, as M5311 firmware sends it (<c>…,user,pass,1,0</c>); null in the M5310-A form.
    /// The M5310-A manual does not define it, so it is kept as written.
    /// </summary>
    public string? Extra { get; init; }

    public override string Name => "+MQTTCFG";
    public override string Section => "1.1";

    public override string Format() => Extra is null
        ? Set(Quoted(Host), $"{Port}", Quoted(Id), $"{KeepAlive}", Quoted(User), Quoted(Password), Bit(Clean))
        : Set(Quoted(Host), $"{Port}", Quoted(Id), $"{KeepAlive}", Quoted(User), Quoted(Password), Bit(Clean), Extra);

    /// <summary>Keeps the password out of <c>ToString()</c>, which ends up in logs and assertion messages.</summary>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append($", Host = {Host}, Port = {Port}, Id = {Id}, KeepAlive = {KeepAlive}, User = {User}, Password = {SecretPolicy.Mask}, Clean = {Clean}");
        if (Extra is not null) builder.Append($", Extra = {Extra}");
        return true;
    }

    internal static MqttCfg Parse(ArgumentList arguments)
    {
        // More arguments than the manual's seven, and no M5311 flag where clean stands: an unquoted password holding commas
        // (`…,ab,12,1`), read as the secret policy masks it, so no message quotes a piece of it.
        var last = arguments.Count > 7 ? arguments.CredentialEnd(5) : 5;
        if (arguments.Count - (last - 5) is not (7 or 8)) last = 5;
        var surplus = last - 5;
        string? extra = null;
        if (arguments.Count - surplus == 8)
        {
            extra = arguments.Raw(7 + surplus);
            arguments.Note(CodeList.MqttCfgEighthArgument, $"an eighth argument ({extra}) follows clean, as M5311 firmware sends it; the M5310-A manual has seven");
        }
        else if (surplus == 0) arguments.ExpectCount(7, 7, "AT+MQTTCFG=<host>,<port>,<id>,<keepAlive>,<user>,<passwd>,<clean>");
        return new MqttCfg(
            arguments.Text(0, "host", ArgumentRules.Host),
            arguments.Number(1, "port", ArgumentRules.Port),
            arguments.Text(2, "id", ArgumentRules.String),
            arguments.Number(3, "keepAlive", ArgumentRules.KeepAlive),
            arguments.Text(4, "user", ArgumentRules.String),
            surplus == 0 ? arguments.Text(5, "passwd", ArgumentRules.String) : arguments.Joined(5, last, "passwd", ArgumentRules.String),
            arguments.Bit(6 + surplus, "clean")) { Extra = extra };
    }
}
