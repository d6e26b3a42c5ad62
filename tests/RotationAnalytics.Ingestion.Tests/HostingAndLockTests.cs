using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

public sealed class HostingAndLockTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("hostlock");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Two_api_hosts_loading_the_market_data_at_once_run_one_after_the_other_and_store_everything_once()
    {
        var settings = new Dictionary<string, string?> { ["Ingestion:CsvDirectory"] = RepositoryPaths.MarketData };
        await using var first = new ApiFactory(_database.ConnectionString, settings);
        await using var second = new ApiFactory(_database.ConnectionString, settings);

        await Task.WhenAll(Task.Run(first.CreateClient), Task.Run(second.CreateClient));

        var runs = await _database.QueryAsync(
            "SELECT started_at, finished_at, status, (SELECT sum(rows_stored) FROM ingestion_run_symbols s WHERE s.ingestion_run_id = r.id) FROM ingestion_runs r ORDER BY started_at",
            r => (Started: r.GetFieldValue<DateTimeOffset>(0), Finished: r.GetFieldValue<DateTimeOffset>(1), Status: r.GetString(2), Stored: r.GetInt64(3)));
        runs.Should().HaveCount(2);
        runs[1].Started.Should().BeOnOrAfter(runs[0].Finished, "the advisory lock serialises the runs");
        var files = MarketDataFile.All();
        runs.Select(r => (r.Status, r.Stored)).Should().Equal(("succeeded", files.Sum(f => f.Rows)), ("succeeded", 0L));
        (await _database.ScalarAsync<long>("SELECT count(*) FROM source_batches")).Should().Be(files.Count);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM daily_bars")).Should().Be(files.Sum(f => f.Rows));
    }

    [Fact]
    public async Task A_run_that_must_not_wait_is_skipped_while_another_process_holds_the_lock()
    {
        await using var host = await IngestionHost.StartAsync(_database.ConnectionString);
        await using var held = await new IngestionLock(_database.ConnectionString).AcquireAsync(wait: true, CancellationToken.None);

        var outcome = await host.Runner.RunAsync(new IngestionRequest { Trigger = "scheduled", Demo = true, WaitForLock = false }, CancellationToken.None);

        outcome.Should().BeNull();
        (await _database.ScalarAsync<long>("SELECT count(*) FROM ingestion_runs")).Should().Be(0);
    }

    [Fact]
    public async Task The_cli_ingests_a_folder_and_exits_0_and_exits_non_zero_for_a_missing_folder_or_bad_arguments()
    {
        using var folder = new CsvFolder().Write("SPY", "2024-01-02,472.16,473.67,470.49,472.65,123623700");
        var connection = "--ConnectionStrings:Rotation=" + _database.ConnectionString;

        (await IngestionCommandLine.RunAsync(["ingest", "--csv-dir", folder.Path, connection], Quiet)).Should().Be(0);
        (await IngestionCommandLine.RunAsync(["ingest", "--csv-dir", Path.Combine(folder.Path, "missing"), connection], Quiet)).Should().Be(1);
        (await IngestionCommandLine.RunAsync(["ingest", "--from", "yesterday", connection], Quiet)).Should().Be(2);

        (await _database.ScalarAsync<string>("SELECT trigger || ' ' || status FROM ingestion_runs")).Should().Be("cli succeeded");
        (await _database.ScalarAsync<double>("SELECT close FROM daily_bars")).Should().Be(472.65);
    }

    [Fact]
    public async Task The_demo_universe_is_synthetic_deterministic_and_sector_correlated()
    {
        await using var host = await IngestionHost.StartAsync(_database.ConnectionString, new Dictionary<string, string?> { ["Ingestion:Demo"] = "true" });
        var before = await _database.StoredDataFingerprintAsync();

        (await host.Runner.RunAsync(new IngestionRequest { Trigger = "manual", Demo = true }, CancellationToken.None))!.Status.Should().Be("succeeded");

        (await _database.StoredDataFingerprintAsync()).Should().Be(before, "the same seed gives the same bars");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM source_batches WHERE is_synthetic AND provider = 'demo' AND attribution LIKE 'synthetic%'")).Should().Be(22);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM source_batches WHERE NOT is_synthetic")).Should().Be(0);
        (await _database.ScalarAsync<long>("SELECT count(DISTINCT date) FROM daily_bars WHERE date < '2017-01-01'")).Should().Be(252, "NYSE trading days of 2016");
        var cyclicalPair = await CorrelationAsync("XLY", "XLB");
        var oppositePair = await CorrelationAsync("XLY", "XLU");
        cyclicalPair.Should().BeGreaterThan(oppositePair + 0.2);
    }

    private static void Quiet(HostApplicationBuilder cli) => cli.Logging.ClearProviders();

    private Task<double> CorrelationAsync(string a, string b) => _database.ScalarAsync<double>(
        $"""
        WITH r AS (
            SELECT i.symbol, d.date, d.close / lag(d.close) OVER (PARTITION BY i.symbol ORDER BY d.date) - 1 AS ret
            FROM daily_bars d JOIN instruments i ON i.id = d.instrument_id WHERE i.symbol IN ('{a}', '{b}'))
        SELECT corr(x.ret, y.ret) FROM r x JOIN r y ON x.date = y.date AND x.symbol = '{a}' AND y.symbol = '{b}'
        """);
}
