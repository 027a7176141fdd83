using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>A Python session pasted into a ticket, whole: prompts, what was written, the count write returned, what was read.</summary>
public class PythonSessionTests
{
    [Test]
    public void What_a_call_writes_went_to_the_module_and_what_the_session_printed_came_from_it()
    {
        var (source, records) = TempLog.Read(
            ">>> ser.write(b'AT+CSQ\\r\\n')\n8\n>>> ser.read(100)\nb'\\r\\n+CSQ: 20,99\\r\\n\\r\\nOK\\r\\n'\n" +
            ">>> port.send(b\"AT+MQTTSTAT?\\r\\n\")\n14\n>>> ser.readline()\nb'\\r\\n'\n>>> ser.readline()\nb'+MQTTSTAT: 5\\r\\n'\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.PythonBytes));
        Assert.That(Traffic.Lines(records), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 20,99"), (LogDirection.FromModule, "OK"),
            (LogDirection.ToModule, "AT+MQTTSTAT?"), (LogDirection.FromModule, "+MQTTSTAT: 5"),
        }));
    }
}
