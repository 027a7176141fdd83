using System.Text;
using Conformance.Protocol.Errors;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;
using CsCheck;

namespace Conformance.Protocol.Tests.Responses;

/// <summary>The lines that complete a command.</summary>
public class FinalResultTests
{
    [TestCase("+CME ERROR: 3", 3, false)]
    [TestCase("+CME ERROR:601", 601, true)]
    [TestCase("+CME ERROR: 999", 999, false)]
    public void Numeric_cme_error_gives_the_code(string line, int code, bool deviates)
    {
        var result = FinalResult.Parse(line);

        Assert.That(result.Value, Is.EqualTo(new FinalResult(FinalResultKind.CmeError, code)));
        Assert.That(ParsedLine.CodeList(result), Is.EqualTo(deviates ? "no-space-after-colon" : ""));
    }

    [TestCase("OK ", FinalResultKind.Ok)]
    [TestCase("OK\t", FinalResultKind.Ok)]
    [TestCase("ERROR  ", FinalResultKind.Error)]
    [TestCase("+CME ERROR: 3 ", FinalResultKind.CmeError)]
    public void Spaces_after_a_final_result_still_end_the_command_and_are_a_deviation(string line, FinalResultKind kind)
    {
        var result = FinalResult.Parse(line);

        Assert.That(FinalResult.IsFinalResult(Encoding.ASCII.GetBytes(line)), Is.True, "the tokenizer ends the command with it");
        Assert.That(result.Value?.Kind, Is.EqualTo(kind));
        Assert.That(ParsedLine.CodeList(result), Is.EqualTo("trailing-space"));
    }

    [TestCase("OK.")]
    [TestCase("OKAY")]
    [TestCase(" OK")]
    public void A_line_that_only_starts_like_a_final_result_is_none(string line) =>
        Assert.That(FinalResult.IsFinalResult(Encoding.ASCII.GetBytes(line)), Is.False);

    [Test]
    public void Verbose_cme_error_is_matched_to_its_code()
    {
        var result = FinalResult.Parse("+CME ERROR: Operation not allowed").Unwrap();

        Assert.That(result.ErrorCode, Is.EqualTo(3));
        Assert.That(result.ErrorText, Is.EqualTo("Operation not allowed"));
    }

    [TestCase("+CME ERROR: 651        (not allowed - instance already exists)", 651)]
    [TestCase("+CME ERROR:652\t(uplink busy)", 652)]
    [TestCase("+CME ERROR: 3 （无连接）", 3)]
    public void A_note_written_after_the_code_leaves_the_code_to_be_explained(string line, int code)
    {
        var result = FinalResult.Parse(line).Unwrap();

        Assert.That((result.ErrorCode, result.Error!.Meaning), Is.EqualTo((code, CmeErrors.Describe(code).Meaning)));
    }

    [Test]
    public void Unknown_code_is_described_as_not_in_the_table() =>
        Assert.That(FinalResult.Parse("+CME ERROR: 999").Unwrap().Error!.Meaning, Does.Contain("not in the manual"));

    [TestCase("OK", FinalResultKind.Ok)]
    [TestCase("ERROR", FinalResultKind.Error)]
    public void Plain_results_parse(string line, FinalResultKind kind) =>
        Assert.That(FinalResult.Parse(line).Unwrap().Kind, Is.EqualTo(kind));

    [TestCase("OK", true)]
    [TestCase("ERROR", true)]
    [TestCase("+CME ERROR: 3", true)]
    [TestCase("+CME ERROR:601", true)]
    [TestCase("+MQTTOPEN: OK", false)]
    [TestCase("OK ", true)]
    [TestCase("", false)]
    public void Final_results_are_recognised_from_bytes(string line, bool final) =>
        Assert.That(FinalResult.IsFinalResult(Encoding.UTF8.GetBytes(line)), Is.EqualTo(final));

    [TestCase("+MQTTOPEN: OK", "not a final result", 0)]
    [TestCase("+CME ERROR: ", "no code", 12)]
    public void Other_lines_are_rejected(string line, string message, int position)
    {
        var result = FinalResult.Parse(line);

        Assert.That(result.Error, Does.Contain(message));
        Assert.That(result.ErrorPosition, Is.EqualTo(position));
    }

    [Test]
    public void Format_then_parse_gives_the_same_result_in_both_dialects() =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1000], Gen.Bool).Sample((kind, code, manual) =>
        {
            var result = kind switch
            {
                0 => new FinalResult(FinalResultKind.Ok),
                1 => new FinalResult(FinalResultKind.Error),
                2 => new FinalResult(FinalResultKind.CmeError, code),
                _ => new FinalResult(FinalResultKind.CmeError, 4, "operation not supported"),
            };
            Assert.That(FinalResult.Parse(result.Format(manual ? Dialect.Manual : Dialect.Field)).Value, Is.EqualTo(result));
        });
}
