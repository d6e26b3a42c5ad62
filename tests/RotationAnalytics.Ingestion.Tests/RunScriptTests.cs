namespace RotationAnalytics.Ingestion.Tests;

/// <summary>scripts/run.sh refuses bad arguments with a usage message before it starts a database or a build.</summary>
public sealed class RunScriptTests
{
    [Theory]
    [InlineData("--csv-dir needs a folder", "--csv-dir")]
    [InlineData("--csv-dir needs a folder", "--csv-dir", "--demo")]
    [InlineData("--port needs a number", "--port")]
    [InlineData("--port needs a number", "--port", "eighty")]
    [InlineData("unknown option: --bogus", "--bogus")]
    [InlineData("--demo and --csv-dir exclude each other (the demo has a database of its own)", "--demo", "--csv-dir", "/")]
    public async Task Missing_values_and_unknown_options_print_the_usage_and_exit_2(string reason, params string[] arguments)
    {
        var result = await ExternalProcess.RunScriptAsync("scripts/run.sh", arguments);

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith($"run.sh: {reason}\nusage: scripts/run.sh [--port N] [--csv-dir DIR | --demo] | --stop-db\n");
        result.Error.Should().NotContain("unbound variable");
        result.Output.Should().BeEmpty("nothing was started");
    }

    [Fact]
    public async Task A_csv_folder_without_csv_files_or_that_does_not_exist_is_refused_with_the_reason()
    {
        using var empty = new CsvFolder();

        var emptyResult = await ExternalProcess.RunScriptAsync("scripts/run.sh", "--csv-dir", empty.Path);
        var missingResult = await ExternalProcess.RunScriptAsync("scripts/run.sh", "--csv-dir", Path.Combine(empty.Path, "missing"));

        emptyResult.ExitCode.Should().Be(2);
        emptyResult.Error.Should().Be($"run.sh: CSV folder {empty.Path} holds no SYMBOL.csv files (expected e.g. SPY.csv with date,open,high,low,close,volume)\n");
        missingResult.ExitCode.Should().Be(2);
        missingResult.Error.Should().Be($"run.sh: --csv-dir: no such folder: {Path.Combine(empty.Path, "missing")}\n");
    }
}
