using Conformance.Protocol.Codes;
namespace Conformance.Protocol.Commands;

/// <summary><c>AT+MQTTOPEN=…</c>: connect; success is the later <c>+MQTTOPEN: OK</c>, not the OK (manual §1.2).</summary>
/// <param name="UserFlag">Send the configured user name.</param>
/// <param name="PasswordFlag">Send the configured password.</param>
/// <param name="WillFlag">Register a will message.</param>
/// <param name="WillRetain">Retain the will message.</param>
/// <param name="WillQos">QoS of the will message, 0..2.</param>
/// <param name="WillTopic">Topic of the will message; empty without a will.</param>
/// <param name="WillMessage">The will message.</param>
public sealed record MqttOpen(
    bool UserFlag, bool PasswordFlag, bool WillFlag, bool WillRetain, int WillQos, string WillTopic, string WillMessage)
    : AtCommand
{
    public override string Name => "+MQTTOPEN";
    public override string Section => "1.2";

    public override string Format() =>
        Set(Bit(UserFlag), Bit(PasswordFlag), Bit(WillFlag), Bit(WillRetain), $"{WillQos}", Quoted(WillTopic), Quoted(WillMessage));

    private const string Usage = "AT+MQTTOPEN=<usrFlag>,<pwdFlag>,<willFlag>,<willRetain>,<willQos>,<will-topic>,<will-mesg>";

    internal static MqttOpen Parse(ArgumentList arguments)
    {
        // M5311 firmware ends the line after willFlag 0 (`1,1,0`) or after willQos (`1,1,0,0,0`).
        if (arguments.Count is 3 or 5 && arguments.IsNumber(2) && !arguments.Bit(2, "willFlag"))
        {
            arguments.Note(CodeList.WillFieldsOmitted, $"the will arguments after willFlag 0 are left out ({arguments.Count} of 7 arguments), as M5311 firmware writes it; the manual sends all seven");
            return new MqttOpen(
                arguments.Bit(0, "usrFlag"), arguments.Bit(1, "pwdFlag"), false,
                arguments.Count == 5 && arguments.Bit(3, "willRetain"),
                arguments.Count == 5 ? arguments.Number(4, "willQos", ArgumentRules.Qos) : 0,
                "", "");
        }
        arguments.ExpectCount(7, 7, Usage);
        return new MqttOpen(
            arguments.Bit(0, "usrFlag"),
            arguments.Bit(1, "pwdFlag"),
            arguments.Bit(2, "willFlag"),
            arguments.Bit(3, "willRetain"),
            arguments.Number(4, "willQos", ArgumentRules.Qos),
            arguments.Text(5, "will-topic", ArgumentRules.String),
            arguments.Message(6, "will-mesg"));
    }
}
