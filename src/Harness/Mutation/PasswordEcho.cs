namespace Conformance.Harness.Mutation;

/// <summary>Remembers the password of the last <c>AT+MQTTCFG=</c> and shows it in <c>+MQTTCFG:</c> where the manual shows <c>***</c>.</summary>
public sealed class PasswordEcho : LineFilter
{
    private string? _password;

    public override void OnCommand(string line)
    {
        base.OnCommand(line);
        // AT+MQTTCFG=<host>,<port>,<id>,<keepAlive>,<user>,<passwd>,<clean>: the password is the sixth field.
        if (line.StartsWith("AT+MQTTCFG=", StringComparison.OrdinalIgnoreCase))
            _password = line[(line.IndexOf('=') + 1)..].Split(',').ElementAtOrDefault(5);
    }

    public override void OnLine(string line, ILineOutput output) =>
        output.Line(_password is not null && line.StartsWith("+MQTTCFG:", StringComparison.Ordinal)
            ? line.Replace(",***,", $",{_password},", StringComparison.Ordinal)
            : line);
}
