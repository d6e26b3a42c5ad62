using System.Globalization;
using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>The whole of ../shared/data/market, loaded once at host start through Ingestion:CsvDirectory.</summary>
public sealed class MarketDataFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public IngestionHost Host { get; private set; } = null!;

    public IReadOnlyList<MarketDataFile> Files { get; } = MarketDataFile.All();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("csvmarket");
        Host = await IngestionHost.StartAsync(Database.ConnectionString, new Dictionary<string, string?>
        {
            ["Ingestion:CsvDirectory"] = RepositoryPaths.MarketData,
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class CsvMarketDataIngestionTests(MarketDataFixture fixture) : IClassFixture<MarketDataFixture>
{
    private readonly TestDatabase _database = fixture.Database;

    [Fact]
    public async Task Every_file_is_stored_whole_with_one_source_batch_citing_the_file()
    {
        var batches = await _database.QueryAsync(
            """
            SELECT i.symbol, b.provider, b.provider_symbol, b.url, b.content_sha256, b.rows_received, b.rows_stored, b.rows_rejected,
                   b.rows_revised, b.price_kind, b.first_date, b.last_date, b.is_synthetic, b.attribution,
                   (SELECT count(*) FROM daily_bars d WHERE d.instrument_id = i.id AND d.source_batch_id = b.id)
            FROM source_batches b JOIN instruments i ON i.id = b.instrument_id ORDER BY i.symbol
            """,
            r => new
            {
                Symbol = r.GetString(0), Provider = r.GetString(1), ProviderSymbol = r.GetString(2), Url = r.GetString(3), Sha = r.GetString(4),
                Received = r.GetInt32(5), Stored = r.GetInt32(6), Rejected = r.GetInt32(7), Revised = r.GetInt32(8), PriceKind = r.GetString(9),
                First = r.GetFieldValue<DateOnly>(10), Last = r.GetFieldValue<DateOnly>(11), Synthetic = r.GetBoolean(12),
                Attribution = r.GetString(13), Bars = r.GetInt64(14),
            });

        batches.Should().HaveCount(22);
        foreach (var file in fixture.Files)
        {
            var batch = batches.Single(b => b.Symbol == file.Symbol);
            batch.Should().BeEquivalentTo(new
            {
                file.Symbol, Provider = "csv", ProviderSymbol = file.Symbol, Url = new Uri(file.Path).AbsoluteUri, Sha = file.Sha256,
                Received = file.Rows, Stored = file.Rows, Rejected = 0, Revised = 0, PriceKind = file.Symbol == "MDY" ? "Adjusted" : "Raw",
                file.First, file.Last, Synthetic = false, Bars = (long)file.Rows,
            });
            batch.Attribution.Should().Contain($"{file.Symbol}.csv");
        }

        (await _database.ScalarAsync<long>("SELECT count(*) FROM daily_bars")).Should().Be(fixture.Files.Sum(f => f.Rows));
        (await _database.ScalarAsync<long>("SELECT count(*) FROM rejected_bars")).Should().Be(0);
    }

    [Fact]
    public async Task Stored_closes_and_volumes_equal_the_files_to_the_last_digit()
    {
        foreach (var file in fixture.Files)
        {
            var rows = File.ReadAllLines(file.Path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
            var closeSum = rows.Sum(f => double.Parse(f[4], CultureInfo.InvariantCulture));
            var volumeSum = rows.Sum(f => f[5].Length == 0 ? 0 : double.Parse(f[5], CultureInfo.InvariantCulture));
            var stored = (await _database.QueryAsync(
                $"SELECT sum(close), coalesce(sum(volume), 0), count(volume) FROM daily_bars d JOIN instruments i ON i.id = d.instrument_id WHERE i.symbol = '{file.Symbol}'",
                r => (Close: r.GetDouble(0), Volume: r.GetDouble(1), WithVolume: r.GetInt64(2)))).Single();

            stored.Close.Should().BeApproximately(closeSum, Math.Abs(closeSum) * 1e-12, file.Symbol);
            stored.Volume.Should().Be(volumeSum, file.Symbol);
            stored.WithVolume.Should().Be(rows.Count(f => f[5].Length > 0), file.Symbol);
        }
    }

    [Fact]
    public async Task The_dow_bar_whose_open_is_below_its_low_is_stored_and_flagged_and_is_the_only_flagged_bar()
    {
        var line = File.ReadAllLines(Path.Combine(RepositoryPaths.MarketData, "DJI.csv")).Single(l => l.StartsWith("2025-08-12,", StringComparison.Ordinal));
        var expected = line.Split(',').Skip(1).Take(4).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

        var bar = (await _database.QueryAsync(
            "SELECT open, high, low, close, flags FROM daily_bars d JOIN instruments i ON i.id = d.instrument_id WHERE i.symbol = 'DJI' AND date = '2025-08-12'",
            r => (Values: new[] { r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3) }, Flags: r.GetFieldValue<string[]>(4)))).Single();

        bar.Values.Should().Equal(expected);
        bar.Values[0].Should().Be(44050.50).And.BeLessThan(bar.Values[2]);
        bar.Flags.Should().Equal("ohlc-inconsistent");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM daily_bars WHERE cardinality(flags) > 0")).Should().Be(1);
        (await _database.ScalarAsync<int>("SELECT rows_flagged FROM source_batches b JOIN instruments i ON i.id = b.instrument_id WHERE i.symbol = 'DJI'")).Should().Be(1);
    }

    [Fact]
    public async Task The_startup_run_is_recorded_with_per_symbol_counts()
    {
        var runs = await _database.QueryAsync(
            "SELECT id, status, finished_at IS NOT NULL, error FROM ingestion_runs WHERE trigger = 'startup'",
            r => (Id: r.GetInt64(0), Status: r.GetString(1), Finished: r.GetBoolean(2), Error: r.IsDBNull(3) ? null : r.GetString(3)));
        runs.Should().ContainSingle().Which.Should().Be((runs[0].Id, "succeeded", true, (string?)null));

        var symbols = await _database.QueryAsync(
            $"SELECT symbol, provider, rows_received, rows_stored, rows_rejected, rows_flagged, rows_revised, error FROM ingestion_run_symbols WHERE ingestion_run_id = {runs[0].Id}",
            r => (r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.IsDBNull(7) ? null : r.GetString(7)));
        symbols.Should().BeEquivalentTo(fixture.Files.Select(f => (f.Symbol, "csv", f.Rows, f.Rows, 0, f.Symbol == "DJI" ? 1 : 0, 0, (string?)null)));
    }

    [Fact]
    public async Task Ingesting_the_same_folder_again_changes_nothing_but_adds_its_run_record()
    {
        var before = await _database.StoredDataFingerprintAsync();
        var maxBatch = await _database.ScalarAsync<long>("SELECT max(id) FROM source_batches");

        var outcome = await fixture.Host.Runner.RunAsync(
            new IngestionRequest { Trigger = "manual", CsvDirectory = RepositoryPaths.MarketData }, CancellationToken.None);

        outcome!.Status.Should().Be(IngestionRunStatus.Succeeded);
        (await _database.StoredDataFingerprintAsync()).Should().Be(before);
        (await _database.ScalarAsync<long>("SELECT max(id) FROM source_batches")).Should().Be(maxBatch);
        (await _database.ScalarAsync<long>($"SELECT sum(rows_received) FROM ingestion_run_symbols WHERE ingestion_run_id = {outcome.RunId}"))
            .Should().Be(fixture.Files.Sum(f => f.Rows));
        (await _database.ScalarAsync<long>($"SELECT sum(rows_stored + rows_revised + rows_rejected) FROM ingestion_run_symbols WHERE ingestion_run_id = {outcome.RunId}"))
            .Should().Be(0);
    }
}
