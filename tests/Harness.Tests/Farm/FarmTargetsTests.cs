using Conformance.Harness.Running;

namespace Conformance.Harness.Tests.Farm;

/// <summary>How a farm's modules are written: <c>--target [NAME=]TARGET</c> and the lines of a <c>--targets</c> file.</summary>
public class FarmTargetsTests
{
    [Test]
    public void A_targets_file_takes_names_comments_and_blank_lines_and_names_the_rest_after_their_target()
    {
        const string file = """
            # bench 3, rack B
            golden = serial:/dev/ttyUSB0,9600   # the reference module

            serial:/dev/ttyUSB1
              tcp:10.0.0.7:5310
            mutant:drop-suback,field
            """;

        var modules = FarmTargets.Name(FarmTargets.Read(new StringReader(file), "rack.txt"));

        Assert.That(modules, Is.EqualTo(new[]
        {
            new FarmModule("golden", "serial:/dev/ttyUSB0,9600"),
            new FarmModule("serial-dev-ttyUSB1", "serial:/dev/ttyUSB1"),
            new FarmModule("tcp-10.0.0.7-5310", "tcp:10.0.0.7:5310"),
            new FarmModule("mutant-drop-suback-field", "mutant:drop-suback,field"),
        }));
    }

    [Test]
    public void An_equals_sign_inside_the_target_is_not_a_name()
    {
        Assert.That(FarmTargets.ParseOne("replay:runs/a=b.trace"), Is.EqualTo(((string?)null, "replay:runs/a=b.trace")));
        Assert.That(FarmTargets.ParseOne("left=replay:a=b.trace"), Is.EqualTo(("left", "replay:a=b.trace")));
    }

    [Test]
    public void Two_modules_with_one_target_get_numbered_names_and_two_given_the_same_name_are_an_error()
    {
        Assert.That(FarmTargets.Name([(null, "emulator"), (null, "emulator"), ("emulator-2", "emulator:field")]).Select(m => m.Name),
            Is.EqualTo(new[] { "emulator", "emulator-3", "emulator-2" }));
        var twice = Assert.Throws<FormatException>(() => FarmTargets.Name([("a", "emulator"), ("A", "emulator:field")]));
        Assert.That(twice!.Message, Does.Contain("two modules are named 'A'").Or.Contain("two modules are named 'a'"));
    }

    [Test]
    public void A_bad_line_is_named_by_file_and_line()
    {
        var bad = Assert.Throws<FormatException>(() => FarmTargets.Read(new StringReader("emulator\nbench 1 = emulator:field\n"), "rack.txt"));
        Assert.That(bad!.Message, Does.StartWith("rack.txt:2: module name 'bench 1'"));
        var empty = Assert.Throws<FormatException>(() => FarmTargets.Read(new StringReader("# nothing\nlonely =   # no target\n"), "rack.txt"));
        Assert.That(empty!.Message, Is.EqualTo("rack.txt:2: module 'lonely' has no target after '='"));
    }
}
