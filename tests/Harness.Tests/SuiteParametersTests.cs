using System.Collections;
using Conformance.Harness.Dsl;

namespace Conformance.Harness.Tests;

public class SuiteParametersTests
{
    [Test]
    public void Options_override_the_environment_which_overrides_the_settings_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["# OneNET", "broker = 183.230.40.39", "port = 6002", "api-key = from-file", "topic = $dp"]);
            var environment = new Hashtable { ["CONFORMANCE_API_KEY"] = "from-env", ["CONFORMANCE_DEVICE_ID"] = "555" };

            var p = SuiteParameters.Load(file, environment, new Dictionary<string, string> { ["device-id"] = "777" });

            Assert.That((p.Broker, p.Port, p.ApiKey, p.DeviceId, p.Topic), Is.EqualTo(("183.230.40.39", 6002, "from-env", "777", "$dp")));
            Assert.That(p.ToString(), Does.Not.Contain("from-env"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void A_bad_line_in_the_settings_file_is_named_by_file_and_line()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["broker = 10.0.0.1", "colour = blue"]);

            Assert.That(() => SuiteParameters.Load(file, new Hashtable(), new Dictionary<string, string>()),
                Throws.TypeOf<FormatException>().With.Message.StartsWith($"{file}:2: unknown key 'colour'"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
