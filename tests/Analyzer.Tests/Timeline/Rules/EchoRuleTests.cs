using Conformance.Analyzer.Timeline;
using Conformance.Analyzer.Timeline.Rules;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

public class EchoRuleTests
{
    [Test]
    public void A_garbled_echo_is_reported_with_the_line_of_the_command()
    {
        var log = Log();

        new EchoRule(log, Masker).Echoed("AT+CSX", "AT+CSQ", new Stamp(2, null, null), At);

        Assert.That(log.Codes(), Is.EqualTo(new[] { "echo-mismatch" }));
        Assert.That(log.Messages(), Is.EqualTo(new[] { "the echo 'AT+CSX' differs from the command sent at line 2" }));
    }

    [Test]
    public void A_faithful_echo_is_not_reported() 
    {
        var log = Log();

        new EchoRule(log, Masker).Echoed("AT+CSQ", "AT+CSQ", new Stamp(2, null, null), At);

        Assert.That(log.Kept, Is.Empty);
    }

    [Test]
    public void A_garbled_echo_of_a_password_does_not_show_it()
    {
        var log = Log();
        const string echo = "AT+MQTTCFG=\"h\",6002,\"id\",60,\"u\",\"hunter22\",1 ";

        new EchoRule(log, new Conformance.Protocol.Secrets.SecretMasker()).Echoed(echo, echo.TrimEnd(), At, At);

        Assert.That(log.Messages().Single(), Does.Not.Contain("hunter22"));
    }
}
