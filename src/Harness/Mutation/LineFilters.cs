namespace Conformance.Harness.Mutation;

/// <summary>The ways a mutant alters the lines it picks; every other line passes untouched and in order.</summary>
public static class LineFilters
{
    public static LineFilter Drop(LinePick pick) => new Rewriting(pick, (_, _, _) => { });

    public static LineFilter Duplicate(LinePick pick) => new Rewriting(pick, (line, output, _) => { output.Line(line); output.Line(line); });

    public static LineFilter Rewrite(LinePick pick, Func<string, string> rewrite) => Rewrite(pick, (line, _) => rewrite(line));

    /// <summary>Rewrites with the last command at hand, e.g. to name its topic.</summary>
    public static LineFilter Rewrite(LinePick pick, Func<string, string, string> rewrite) =>
        new Rewriting(pick, (line, output, command) => output.Line(rewrite(line, command)));

    /// <summary>The picked line, then <paramref name="extra"/>: a URC the manual does not allow there.</summary>
    public static LineFilter Append(LinePick pick, string extra) => new Rewriting(pick, (line, output, _) => { output.Line(line); output.Line(extra); });

    /// <summary>
    /// The picked line, then <paramref name="extra"/> <paramref name="after"/> later: a line the module adds once it seemed
    /// done, the last thing it says where the picked line ends a scenario.
    /// </summary>
    public static LineFilter Follow(LinePick pick, string extra, TimeSpan after) =>
        new Rewriting(pick, (line, output, _) => { output.Line(line); output.Later(extra, after); });

    public static LineFilter Delay(LinePick pick, TimeSpan delay) => new Rewriting(pick, (line, output, _) => output.Later(line, delay));

    /// <summary>Holds a <paramref name="first"/> line until a <paramref name="second"/> line comes, then sends the second before it.
    /// A held line the second never follows is sent when the host sends its next command.</summary>
    public static LineFilter Swap(LinePick first, LinePick second) => new Swapping(first, second);

    /// <summary>
    /// Holds a <paramref name="first"/> line until the module's next line: a <paramref name="second"/> line goes before
    /// it, any other after it, as a firmware that waits a moment for an outcome before its answer's last line.
    /// A held line no other line follows is sent when the host sends its next command.
    /// </summary>
    public static LineFilter Precede(LinePick first, LinePick second) => new Preceding(first, second);

    private sealed class Rewriting(LinePick pick, Action<string, ILineOutput, string> alter) : LineFilter
    {
        public override void OnLine(string line, ILineOutput output)
        {
            if (pick(line, LastCommand)) alter(line, output, LastCommand);
            else output.Line(line);
        }
    }

    // Holds one line back; a line still held when the host sends its next command goes out then.
    private abstract class Holding : LineFilter
    {
        protected string? Held { get; set; }

        protected ILineOutput? Output { get; set; }

        public override void OnCommand(string line)
        {
            if (Held is not null) Output?.Line(Held);
            Held = null;
            base.OnCommand(line);
        }
    }

    private sealed class Swapping(LinePick first, LinePick second) : Holding
    {
        public override void OnLine(string line, ILineOutput output)
        {
            Output = output;
            if (Held is null && first(line, LastCommand))
            {
                Held = line;
                return;
            }
            output.Line(line);
            if (Held is not null && second(line, LastCommand))
            {
                output.Line(Held);
                Held = null;
            }
        }
    }

    private sealed class Preceding(LinePick first, LinePick second) : Holding
    {
        public override void OnLine(string line, ILineOutput output)
        {
            Output = output;
            if (Held is { } held)
            {
                Held = null;
                if (second(line, LastCommand)) { output.Line(line); output.Line(held); }
                else { output.Line(held); OnLine(line, output); }
                return;
            }
            if (first(line, LastCommand)) Held = line;
            else output.Line(line);
        }
    }
}
