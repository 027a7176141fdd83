using System.Text;
using Conformance.Protocol.Events;
using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Tests.Interpretation;

/// <summary>
/// V.250 numeric result codes: after <c>ATV0</c> a module answers <c>0</c> for OK and <c>4</c> for ERROR, terminated by
/// a lone CR, until <c>ATV1</c>. Written by hand as a host that asks for them sees them.
/// </summary>
public class NumericResultTests
{
    private static List<(AtEventKind Kind, string Text, FinalResultKind? Result)> Read(params (string Sent, string Answer)[] exchanges)
    {
        var reader = new AtEventReader();
        var events = new List<(AtEventKind, string, FinalResultKind?)>();
        foreach (var (sent, answer) in exchanges)
        {
            reader.CommandSent(sent);
            ReadOnlySpan<byte> input = Encoding.ASCII.GetBytes(answer);
            while (reader.TryRead(ref input, out var atEvent)) events.Add((atEvent.Kind, atEvent.Text, atEvent.Result));
        }
        return events;
    }

    [Test]
    public void After_ATV0_zero_and_four_are_final_results_until_ATV1()
    {
        var events = Read(("ATE0V0", "0\r"), ("AT+CSQ", "+CSQ: 20,99\r\n0\r"), ("AT+FOO", "4\r"), ("ATV1", "\r\nOK\r\n"), ("AT+CGATT?", "\r\n+CGATT: 1\r\n\r\n0\r\n\r\nOK\r\n"));

        Assert.That(events, Is.EqualTo(new (AtEventKind, string, FinalResultKind?)[]
        {
            (AtEventKind.Final, "0", FinalResultKind.Ok),
            (AtEventKind.Information, "+CSQ: 20,99", null), (AtEventKind.Final, "0", FinalResultKind.Ok),
            (AtEventKind.Final, "4", FinalResultKind.Error),
            (AtEventKind.Final, "OK", FinalResultKind.Ok),
            // Verbose again: a bare 0 is an answer line, not a result.
            (AtEventKind.Information, "+CGATT: 1", null), (AtEventKind.Information, "0", null), (AtEventKind.Final, "OK", FinalResultKind.Ok),
        }));
    }

    [TestCase("ATZ")]
    [TestCase("AT&F")]
    [TestCase("ATE1V1")]
    public void A_reset_or_V1_brings_back_the_verbose_form(string command)
    {
        var events = Read(("ATV0", "0\r"), (command, "\r\nOK\r\n"), ("AT+CGATT?", "\r\n0\r\n\r\nOK\r\n"));

        Assert.That(events.Select(e => e.Kind), Is.EqualTo(new[] { AtEventKind.Final, AtEventKind.Final, AtEventKind.Information, AtEventKind.Final }));
    }
}
