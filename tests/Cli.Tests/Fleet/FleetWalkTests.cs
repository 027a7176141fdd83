namespace Conformance.Cli.Tests.Fleet;

/// <summary>What a directory walk meets besides logs: the command's own outputs are left out.</summary>
public sealed class FleetWalkTests : TemporaryFolder
{
    private const string Log = "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n";

    [TestCase("analyze", "--parquet", "out")]
    [TestCase("fleet", "--db", "fleet.duckdb")]
    public async Task Run_twice_with_its_output_in_the_folder_walked_it_reads_the_logs_not_its_output(string verb, string option, string output)
    {
        Write("a.log", Log);

        var first = await ConformanceProcess.RunAsync(null, verb, Folder, option, Path.Combine(Folder, output));
        var second = await ConformanceProcess.RunAsync(null, verb, Folder, option, Path.Combine(Folder, output));

        Assert.That(first.ExitCode, Is.Zero, first.StandardError);
        Assert.That(second.ExitCode, Is.Zero, second.StandardError);
        Assert.That(second.StandardError, Does.Contain("conformance: 1 logs").And.Contain("0 could not be read"));
    }
}
