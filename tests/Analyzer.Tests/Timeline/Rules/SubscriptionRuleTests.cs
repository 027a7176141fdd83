using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

/// <summary>
/// A host that opens the connection again with a clean session and forgets to subscribe again: written by hand as a
/// support ticket's logs come, a Tera Term log with the device's own lines (echo on) and a raw capture without times.
/// </summary>
public class SubscriptionRuleTests
{
    // A device that configures a clean session, subscribes to two topics and loses its connection: the module gives up.
    private static string Before(int clean = 1) => $"""
        [2026-11-30 09:00:00.100] AT+MQTTCFG="183.230.40.39",6002,"5310017",120,"384112","Zk9vYmFy",{clean}
        [2026-11-30 09:00:00.180] OK
        [2026-11-30 09:00:01.000] AT+MQTTOPEN=1,1,0,0,0,"",""
        [2026-11-30 09:00:01.060] OK
        [2026-11-30 09:00:02.400] +MQTTOPEN: OK
        [2026-11-30 09:00:03.000] AT+MQTTSUB="$creq/5310017/#",1
        [2026-11-30 09:00:03.050] OK
        [2026-11-30 09:00:03.700] +MQTTSUBACK: 11,1,"$creq/5310017/#"
        [2026-11-30 09:00:04.000] AT+MQTTSUB="dev/5310017/ota",0
        [2026-11-30 09:00:04.050] OK
        [2026-11-30 09:00:04.650] +MQTTSUBACK: 12,0
        [2026-11-30 09:05:00.000] +MQTTTO: 5
        [2026-11-30 09:05:10.000] +MQTTREC: 0
        [2026-11-30 09:05:40.000] +MQTTREC: 1
        [2026-11-30 09:06:10.000] +MQTTDISC: OK
        [2026-11-30 09:06:30.000] AT+MQTTOPEN=1,1,0,0,0,"",""
        [2026-11-30 09:06:30.070] OK
        [2026-11-30 09:06:31.900] +MQTTOPEN: OK

        """;   // the open again: line 18

    private const string Publishes = """
        [2026-11-30 09:07:00.000] AT+MQTTPUB="$dp",1,0,0,0,"t=21"
        [2026-11-30 09:07:00.050] OK
        [2026-11-30 09:07:00.700] +MQTTPUBACK: 13,0
        [2026-11-30 09:08:00.000] AT+MQTTPUB="$dp",1,0,0,0,"t=22"
        [2026-11-30 09:08:00.050] OK
        [2026-11-30 09:08:00.620] +MQTTPUBACK: 14,0

        """;

    private static IEnumerable<string> Lost(string log) =>
        TempLog.Analyze(log).Diagnostics.Where(d => d.Code == "subscription-lost").Select(d => $"{d.Line}: {d.Message}");

    [Test]
    public void A_host_that_publishes_after_opening_a_clean_session_again_without_subscribing_is_told_which_topics_it_lost()
    {
        var found = Lost(Before() + Publishes).ToList();

        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(found[0], Does.StartWith("18: the connection was opened again here with a clean session (AT+MQTTCFG at line 1 sets clean 1)"));
        Assert.That(found[0], Does.Contain("\"$creq/5310017/#\" (subscribed at line 8), \"dev/5310017/ota\" (subscribed at line 11)"));
        Assert.That(found[0], Does.Contain("no message on them arrived after"));
    }

    [Test]
    public void Only_the_topic_not_subscribed_again_is_named()
    {
        var log = Before() + """
            [2026-11-30 09:06:32.000] AT+MQTTSUB="dev/5310017/ota",0
            [2026-11-30 09:06:32.050] OK
            [2026-11-30 09:06:32.600] +MQTTSUBACK: 1,0,"dev/5310017/ota"

            """ + Publishes;

        var found = Lost(log).Single();

        Assert.That(found, Does.Contain("\"$creq/5310017/#\" (subscribed at line 8)"));
        Assert.That(found, Does.Not.Contain("ota"));
        Assert.That(found, Does.Contain("the server forgot it with"));
    }

    [Test]
    public void A_message_on_the_topic_after_the_open_shows_the_subscription_alive()
    {
        // OneNET subscribes a device to its command topic by itself when the product says so: a command arrives.
        var log = Before() + """
            [2026-11-30 09:06:40.000] +MQTTPUBLISH: 0,1,0,3,"$creq/5310017/9f3a1c",5,reset
            [2026-11-30 09:06:40.020] +MQTTPUBLISH: 0,0,0,0,$creq/other/1,2,no

            """ + Publishes;

        var found = Lost(log).Single();

        Assert.That(found, Does.Contain("\"dev/5310017/ota\""));
        Assert.That(found, Does.Not.Contain("$creq"));
    }

    [Test]
    public void Topics_subscribed_again_before_the_log_ends_are_no_finding_even_after_other_commands()
    {
        var log = Before() + Publishes + """
            [2026-11-30 09:09:00.000] AT+MQTTSUB="$creq/5310017/#",1
            [2026-11-30 09:09:00.050] OK
            [2026-11-30 09:09:00.800] +MQTTSUBACK: 15,1
            [2026-11-30 09:09:01.000] AT+MQTTSUB="dev/5310017/ota",0
            [2026-11-30 09:09:01.050] OK
            [2026-11-30 09:09:01.800] +MQTTSUBACK: 16,0

            """;

        Assert.That(Lost(log), Is.Empty);
    }

    [Test]
    public void A_session_that_is_not_clean_keeps_its_subscriptions()
    {
        Assert.That(Lost(Before(clean: 0) + Publishes), Is.Empty);
    }

    [Test]
    public void An_unsubscribed_topic_is_not_missed()
    {
        var log = Before().Replace("[2026-11-30 09:05:00.000] +MQTTTO: 5", """
            [2026-11-30 09:04:00.000] AT+MQTTUNSUB="dev/5310017/ota"
            [2026-11-30 09:04:00.050] OK
            [2026-11-30 09:04:00.500] +MQTTUNSUBACK: 17
            [2026-11-30 09:05:00.000] +MQTTTO: 5
            """) + Publishes;

        var found = Lost(log).Single();

        Assert.That(found, Does.Contain("$creq/5310017/#"));
        Assert.That(found, Does.Not.Contain("ota"));
    }

    [Test]
    public void Nothing_is_said_when_the_log_ends_at_the_open_or_the_clean_flag_is_not_in_the_log()
    {
        Assert.That(Lost(Before()), Is.Empty, "the host had no time to subscribe again");
        var withoutConfig = string.Join('\n', (Before() + Publishes).Split('\n').Skip(2));
        Assert.That(Lost(withoutConfig), Is.Empty, "without AT+MQTTCFG in the log the session may keep its subscriptions");
    }

    [Test]
    public void After_a_restart_a_raw_capture_without_times_shows_it_too()
    {
        // The module's side with echo on, as a terminal saved it: a watchdog restart, then the host sets up again.
        var found = TempLog.Analyze(
            "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"pw\",1\r\n\r\nOK\r\nAT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n" +
            "AT+MQTTSUB=\"cmd\",1\r\n\r\nOK\r\n\r\n+MQTTSUBACK: 1,1,cmd\r\n" +
            "\r\nREBOOT_CAUSE_SECURITY_WATCHDOG\r\nNeul \r\nOK\r\n" +
            "AT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"pw\",1\r\n\r\nOK\r\nAT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n" +
            "AT+MQTTPUB=\"up\",0,0,0,0,\"1\"\r\n\r\nOK\r\n", LogFormat.Raw)
            .Diagnostics.Single(d => d.Code == "subscription-lost");

        Assert.That(found.Message, Does.Contain("\"cmd\" (subscribed at line"));
        Assert.That(found.Message, Does.Contain("AT+MQTTCFG at line 18 sets clean 1"));
    }
}
