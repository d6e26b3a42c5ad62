using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>A CSV folder with nothing to load fails loudly, in the runner, at server start and in the CLI; the CLI logs like the server.</summary>
public sealed class CsvFolderCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("csvcommand");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_empty_folder_or_one_without_a_known_symbol_is_refused_before_a_run_is_recorded()
    {
        using var empty = new CsvFolder();
        using var unknown = new CsvFolder().Write("NOPE", "2024-01-02,1,1,1,1,1");
        await using var host = await IngestionHost.StartAsync(_database.ConnectionString);

        var loadEmpty = () => host.Runner.RunAsync(new IngestionRequest { Trigger = "cli", CsvDirectory = empty.Path }, CancellationToken.None);
        var loadUnknown = () => host.Runner.RunAsync(new IngestionRequest { Trigger = "cli", CsvDirectory = unknown.Path }, CancellationToken.None);

        await loadEmpty.Should().ThrowAsync<ArgumentException>().WithMessage($"CSV folder {empty.Path} holds no SYMBOL.csv files*");
        await loadUnknown.Should().ThrowAsync<ArgumentException>().WithMessage("None of the 1 CSV files in * (NOPE) is named after a known instrument; known: COMP, DIA, *");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM ingestion_runs")).Should().Be(0);
    }

    [Fact]
    public async Task The_built_server_exits_1_on_an_empty_csv_folder_with_the_reason_as_its_last_line()
    {
        using var empty = new CsvFolder();

        var result = await ExternalProcess.RunApiAsync(
            "--ConnectionStrings:Rotation=" + _database.ConnectionString, "--Ingestion:CsvDirectory=" + empty.Path, "--urls=http://127.0.0.1:0");

        result.ExitCode.Should().Be(1);
        result.Error.TrimEnd().Split('\n')[^1].Should().Be(
            $"The startup load was refused: CSV folder {empty.Path} holds no SYMBOL.csv files (e.g. SPY.csv with date,open,high,low,close,volume).");
        result.Output.Should().NotContain("Now listening");
    }

    [Fact]
    public async Task The_built_cli_exits_1_with_the_reason_for_an_empty_folder_and_logs_like_the_server_without_sql()
    {
        using var empty = new CsvFolder();
        using var folder = new CsvFolder().Write("SPY", "2024-01-02,472.16,473.67,470.49,472.65,123623700");
        var connection = "--ConnectionStrings:Rotation=" + _database.ConnectionString;

        var refused = await ExternalProcess.RunApiAsync("ingest", "--csv-dir", empty.Path, connection);
        var loaded = await ExternalProcess.RunApiAsync("ingest", "--csv-dir", folder.Path, connection);

        refused.ExitCode.Should().Be(1);
        refused.Error.Should().Contain($"CSV folder {empty.Path} holds no SYMBOL.csv files");
        loaded.ExitCode.Should().Be(0, loaded.Output + loaded.Error);
        loaded.Output.Should().MatchRegex(@"\[\d\d:\d\d:\d\d INF\] SPY from csv: 1 received, 1 stored");
        loaded.Output.Should().NotContain("DbCommand").And.NotContain("SELECT").And.NotContain(" ERR]").And.NotContain("   at ");
        (await _database.ScalarAsync<double>("SELECT close FROM daily_bars")).Should().Be(472.65);
    }
}
