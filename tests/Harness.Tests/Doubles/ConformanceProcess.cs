using System.Diagnostics;

namespace Conformance.Harness.Tests.Doubles;

/// <summary>The real <c>conformance</c> program, started as a user would from a shell.</summary>
public static class ConformanceProcess
{
    /// <summary>Starts the program with its output redirected, for tests that act on it while it runs (kill it).</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "conformance.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["COLUMNS"] = "200";
        return Process.Start(start)!;
    }

    /// <summary>Runs the program to its end (at most a minute) and returns its exit code and output.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException)
        {
            // A program that overran is not left running behind the failed test.
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
