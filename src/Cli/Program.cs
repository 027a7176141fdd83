using System.CommandLine;
using Conformance.Cli;
using Conformance.Cli.Commands;

StandardError.Install();
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
try
{
    // Commands that must finish their output on Ctrl-C or SIGTERM handle the signals themselves (StopSignals).
    return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // A full disk, a closed pipe, a file taken away mid-run: the environment's, said in one line.
    ErrorText.Write(ErrorText.Of(e));
    return ExitCodes.UsageError;
}
catch (Exception e)
{
    // A fault of the program: where it happened, to report, with whatever the message quotes masked.
    Console.Error.WriteLine(ErrorText.Internal(e));
    return ExitCodes.UsageError;
}
