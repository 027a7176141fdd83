using Conformance.Protocol.Commands;

namespace Conformance.Protocol.Tests.Commands;

/// <summary>MQTT 3.1.1 §4.7's own examples of topic filters, and OneNET's topics.</summary>
public class TopicFilterTests
{
    [TestCase("sport/tennis/player1/#", "sport/tennis/player1", true)]
    [TestCase("sport/tennis/player1/#", "sport/tennis/player1/ranking", true)]
    [TestCase("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true)]
    [TestCase("sport/#", "sport", true)]
    [TestCase("#", "sport/tennis", true)]
    [TestCase("sport/tennis/+", "sport/tennis/player1", true)]
    [TestCase("sport/tennis/+", "sport/tennis/player1/ranking", false)]
    [TestCase("sport/+", "sport", false)]
    [TestCase("sport/+", "sport/", true)]
    [TestCase("+/+", "/finance", true)]
    [TestCase("/+", "/finance", true)]
    [TestCase("+", "/finance", false)]
    [TestCase("dev/ota", "dev/ota", true)]
    [TestCase("dev/ota", "dev/ota/1", false)]
    [TestCase("dev/ota", "Dev/ota", false)]
    [TestCase("$creq/5310017/#", "$creq/5310017/9f3a", true)]
    [TestCase("#", "$creq/5310017/9f3a", false)]
    [TestCase("+/5310017/#", "$creq/5310017/9f3a", false)]
    public void Matches_as_MQTT_says(string filter, string topic, bool matches) =>
        Assert.That(TopicFilter.Matches(filter, topic), Is.EqualTo(matches));
}
