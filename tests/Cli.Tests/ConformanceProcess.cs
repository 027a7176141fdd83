using System.Diagnostics;

namespace Conformance.Cli.Tests;

/// <summary>Runs the real <c>conformance</c> program, as a user would from a shell.</summary>
public static class ConformanceProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Result> RunAsync(byte[]? standardInput, params string[] args) => RunAsync(standardInput, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="RunAsync(byte[], string[])"/>, with <paramref name="environment"/> set for the program.</summary>
    public static Task<Result> RunAsync(byte[]? standardInput, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(standardInput, environment, TimeSpan.FromMinutes(2), args);

    /// <summary>As <see cref="RunAsync(byte[], string[])"/>, for a job that may take longer than two minutes on a loaded machine.</summary>
    public static Task<Result> RunAsync(TimeSpan limit, params string[] args) => RunAsync(null, new Dictionary<string, string>(), limit, args);

    private static async Task<Result> RunAsync(byte[]? standardInput, IReadOnlyDictionary<string, string> environment, TimeSpan limit, string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null) await process.StandardInput.BaseStream.WriteAsync(standardInput);
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            // A program that overran is not left running behind the failed test.
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Runs the program with its standard output sent to <paramref name="standardOutput"/> by the shell, as
    /// <c>conformance … &gt; /dev/full</c> does; the result's standard output is empty.
    /// </summary>
    public static Task<Result> RunIntoAsync(string standardOutput, params string[] args) =>
        RunShellAsync("out=$1; shift; conformance \"$@\" > \"$out\"", [standardOutput, .. args]);

    /// <summary>
    /// Runs <paramref name="script"/> in <c>/bin/sh</c>, where <c>conformance</c> runs the program and
    /// <paramref name="args"/> are <c>$1</c>…: for what only a shell gives, such as a name that is not UTF-8 (<c>$(printf '\377')</c>).
    /// </summary>
    public static async Task<Result> RunShellAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"conformance() {{ dotnet \"$CONFORMANCE_DLL\" \"$@\"; }}; {script}");
        start.ArgumentList.Add("sh");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["CONFORMANCE_DLL"] = Path.Combine(AppContext.BaseDirectory, "conformance.dll");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the program with every standard stream redirected, for tests that talk to it while it runs.</summary>
    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the program as <see cref="Start(string[])"/> does, with <paramref name="environment"/> set for it (<c>TMPDIR</c>).</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "conformance.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }
}
