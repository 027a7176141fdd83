using System.CommandLine;
using Conformance.Cli;
using Conformance.Cli.Commands;

var root = new RootCommand("Conformance harness, emulator and trace analyzer for the China Mobile M5310-A MQTT AT interface.\n" + ExitCodes.Help)
{
    FramesCommand.Create(),
    RunCommand.Create(),
    MutateCommand.Create(),
    EmulateCommand.Create(),
    AnalyzeCommand.Create(),
    CompareCommand.Create(),
    FleetCommand.Create(),
    TapCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // The parser's own usage text, laid out over lines and tabs: shown as it is.
    foreach (var error in parse.Errors) Console.Error.WriteLine($"conformance: {error.Message}");
    Console.Error.WriteLine("Try 'conformance --help'.");
    return ExitCodes.UsageError;
}
// Commands that must finish their output on Ctrl-C or SIGTERM handle the signals themselves (StopSignals).
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
