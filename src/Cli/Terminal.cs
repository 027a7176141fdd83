using Spectre.Console;
using Spectre.Console.Rendering;

namespace Conformance.Cli;

/// <summary>
/// Standard output for reports. On a terminal, its width; redirected to a file or a pipe, lines are never wrapped
/// (a wrapped line breaks tokens that grep and diff look for), and section rules keep a terminal's width.
/// </summary>
internal static class Terminal
{
    // Wide enough for any report line; rules and tables only take what they need.
    private const int RedirectedWidth = 1 << 16;
    private const int RuleWidth = 80;

    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected, StandardOutput.Text);

    /// <summary>Standard error, the same way: for what must not mix with a report on standard output.</summary>
    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter output, bool redirected, TextWriter? writer = null)
    {
        var settings = new AnsiConsoleSettings { Out = new Output(new AnsiConsoleOutput(output), writer ?? output) };
        // Told, not detected: Spectre detects a redirection only on the console's own writer.
        if (redirected) (settings.Ansi, settings.ColorSystem) = (AnsiSupport.No, ColorSystemSupport.NoColors);
        var console = AnsiConsole.Create(settings);
        if (!redirected) return console;
        console.Profile.Width = RedirectedWidth;
        return new FixedRules(console);
    }

    /// <summary>The console's output as Spectre sees it (a terminal, its width), written through <paramref name="writer"/>.</summary>
    private sealed class Output(AnsiConsoleOutput console, TextWriter writer) : IAnsiConsoleOutput
    {
        public TextWriter Writer => writer;
        public bool IsTerminal => console.IsTerminal;
        public int Width => console.Width;
        public int Height => console.Height;

        public void SetEncoding(System.Text.Encoding encoding) => console.SetEncoding(encoding);
    }

    /// <summary>Renders rules at a terminal's width instead of the console's.</summary>
    private sealed class FixedRules(IAnsiConsole inner) : IAnsiConsole
    {
        public Profile Profile => inner.Profile;
        public IAnsiConsoleCursor Cursor => inner.Cursor;
        public IAnsiConsoleInput Input => inner.Input;
        public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;
        public RenderPipeline Pipeline => inner.Pipeline;

        public void Clear(bool home) => inner.Clear(home);

        public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);

        public void Write(IRenderable renderable) => inner.Write(renderable is Rule
            ? new Grid().AddColumn(new GridColumn().Width(RuleWidth).NoWrap().PadRight(0)).AddRow(renderable)
            : renderable);
    }
}
