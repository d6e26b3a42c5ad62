using System.Globalization;
using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Ingestion.Scheduling;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>Validation, revisions and atomicity of the write path, asserted in the database. Each test uses its own symbol.</summary>
public sealed class BarWritePathTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private IngestionHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("writepath");
        _host = await IngestionHost.StartAsync(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_changed_bar_is_revised_with_old_and_new_values_and_both_source_ids_and_an_unchanged_one_keeps_its_batch()
    {
        using var folder = new CsvFolder().Write("SPY",
            "2024-01-02,472.16,473.67,470.49,472.65,123623700",
            "2024-01-03,470.43,471.19,468.17,468.79,103585900",
            "2024-01-04,468.30,470.96,467.05,467.28,84232200");
        await IngestAsync(folder);
        var firstBatch = await _database.ScalarAsync<long>("SELECT max(id) FROM source_batches");

        folder.Write("SPY",
            "2024-01-02,472.16,473.67,470.49,472.65,123623700",
            "2024-01-03,470.43,471.19,468.17,469.00,103585900",
            "2024-01-04,468.30,470.96,467.05,467.2800001,84232200"); // within 1e-6 relative: not a revision
        var outcome = await IngestAsync(folder);
        var secondBatch = await _database.ScalarAsync<long>("SELECT max(id) FROM source_batches");

        secondBatch.Should().BeGreaterThan(firstBatch);
        var revisions = await _database.QueryAsync(
            "SELECT date, old_close, new_close, old_open, new_open, old_volume, new_volume, old_source_batch_id, new_source_batch_id FROM bar_revisions",
            r => (r.GetFieldValue<DateOnly>(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.GetInt64(7), r.GetInt64(8)));
        revisions.Should().Equal((new DateOnly(2024, 1, 3), 468.79, 469.00, 470.43, 470.43, 103585900d, 103585900d, firstBatch, secondBatch));

        var bars = await _database.QueryAsync(
            "SELECT date, close, source_batch_id FROM daily_bars ORDER BY date", r => (r.GetFieldValue<DateOnly>(0), r.GetDouble(1), r.GetInt64(2)));
        bars.Should().Equal(
            (new DateOnly(2024, 1, 2), 472.65, firstBatch),
            (new DateOnly(2024, 1, 3), 469.00, secondBatch),
            (new DateOnly(2024, 1, 4), 467.28, firstBatch));
        var batch = (await _database.QueryAsync(
            $"SELECT rows_received, rows_stored, rows_revised, first_date, last_date FROM source_batches WHERE id = {secondBatch}",
            r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetFieldValue<DateOnly>(3), r.GetFieldValue<DateOnly>(4)))).Single();
        batch.Should().Be((3, 1, 1, new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 3)));
        (await RunSymbolAsync(outcome.RunId, "SPY")).Should().Be((3, 1, 0, 0, 1));
    }

    [Fact]
    public async Task Hard_errors_are_rejected_with_their_reason_and_everything_else_is_stored_once()
    {
        var future = NyseHolidayCalendar.Today(TimeProvider.System).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] good =
        [
            "2024-02-01,400.1,401.5,399.2,401.0,1000",
            "2024-02-05,401.0,402.0,400.0,401.5,1100",
            "2024-02-02,401.0,403.0,400.5,402.5,1200", // out of order: stored by its date
        ];
        string[] bad =
        [
            $"{future},400,401,399,400,1000",
            "2024-02-03,400,401,399,400,1000",     // Saturday
            "2024-02-06,400,401,399,400,1000",     // duplicate date (both rejected)
            "2024-02-06,400,401,399,400.5,1000",
            "2024-02-07,400,401,399,4OO.5,1000",   // malformed close
            "2024-02-08,400,401,399,0,1000",
            "2024-02-09,-1,401,399,400,1000",
            "2024-02-12,400,401,399,400,-5",
            "2024-02-30,400,401,399,400,1000",
            "2024-02-13,400,401,399,,1000",
            "2024-02-14,400,4x1,399,400,1000",
        ];
        using var folder = new CsvFolder().Write("QQQ", [.. good, .. bad]);

        var outcome = await IngestAsync(folder);

        var rejected = await _database.QueryAsync(
            $"SELECT raw_row, reason, provider FROM rejected_bars WHERE ingestion_run_id = {outcome.RunId} ORDER BY id",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)));
        rejected.Should().BeEquivalentTo(new[]
        {
            (bad[0], "date-in-future", "csv"),
            (bad[1], "date-weekend", "csv"),
            (bad[2], "duplicate-date", "csv"),
            (bad[3], "duplicate-date", "csv"),
            (bad[4], "close-not-finite", "csv"),
            (bad[5], "close-not-positive", "csv"),
            (bad[6], "price-negative", "csv"),
            (bad[7], "volume-negative", "csv"),
            (bad[8], "date-unparsable", "csv"),
            (bad[9], "close-not-finite", "csv"),
            (bad[10], "price-not-finite", "csv"),
        });
        var stored = await _database.QueryAsync(
            "SELECT date, close, flags FROM daily_bars d JOIN instruments i ON i.id = d.instrument_id WHERE i.symbol = 'QQQ' ORDER BY date",
            r => (r.GetFieldValue<DateOnly>(0), r.GetDouble(1), r.GetFieldValue<string[]>(2).Length));
        stored.Should().Equal((new DateOnly(2024, 2, 1), 401.0, 0), (new DateOnly(2024, 2, 2), 402.5, 0), (new DateOnly(2024, 2, 5), 401.5, 0));
        (await RunSymbolAsync(outcome.RunId, "QQQ")).Should().Be((14, 3, 11, 0, 0));
        outcome.Status.Should().Be(IngestionRunStatus.Succeeded);
    }

    [Fact]
    public async Task Soft_anomalies_are_stored_and_flagged_also_against_the_close_stored_by_an_earlier_batch()
    {
        using var folder = new CsvFolder().Write("IWM",
            "2024-03-01,200,201,199,200,5000",
            "2024-03-04,250,252,249,251,");            // +25.5 % and no volume on an ETF
        await IngestAsync(folder);
        folder.Write("IWM", "2024-03-05,100,101,99,100,5000"); // −60 % against the stored 251
        await IngestAsync(folder);

        var flags = await _database.QueryAsync(
            "SELECT date, flags FROM daily_bars d JOIN instruments i ON i.id = d.instrument_id WHERE i.symbol = 'IWM' ORDER BY date",
            r => (r.GetFieldValue<DateOnly>(0), string.Join('|', r.GetFieldValue<string[]>(1))));
        flags.Should().Equal(
            (new DateOnly(2024, 3, 1), ""),
            (new DateOnly(2024, 3, 4), "move-over-25pct|volume-missing"),
            (new DateOnly(2024, 3, 5), "move-over-25pct"));
    }

    [Fact]
    public async Task A_batch_that_fails_in_the_database_leaves_nothing_behind_and_earlier_data_unchanged()
    {
        using var folder = new CsvFolder().Write("DIA",
            "2024-04-01,390,391,389,390,1000",
            "2024-04-02,390,392,389,391,1000");
        await IngestAsync(folder);
        var before = await _database.StoredDataFingerprintAsync();
        // A trigger that fails the insert of one particular row, i.e. in the middle of the set-based upsert.
        await _database.ScalarAsync<int>(
            """
            CREATE FUNCTION fail_on_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.date = '2024-04-04' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER poison BEFORE INSERT OR UPDATE ON daily_bars FOR EACH ROW EXECUTE FUNCTION fail_on_poison();
            SELECT 1
            """);

        folder.Write("DIA",
            "2024-04-01,390,391,389,395,1000",
            "2024-04-02,390,392,389,391,1000",
            "2024-04-03,391,393,390,392,1000",
            "2024-04-04,392,394,391,393,1000",
            "2024-04-05,393,395,392,394,1000");
        var outcome = await IngestAsync(folder, expected: IngestionRunStatus.Failed);
        await _database.ScalarAsync<int>("DROP TRIGGER poison ON daily_bars; SELECT 1");

        (await _database.StoredDataFingerprintAsync()).Should().Be(before);
        (await _database.ScalarAsync<string>($"SELECT error FROM ingestion_run_symbols WHERE ingestion_run_id = {outcome.RunId}"))
            .Should().StartWith("write failed: P0001: poisoned row");
    }

    [Fact]
    public async Task Files_of_unknown_symbols_are_skipped_and_the_known_ones_loaded()
    {
        using var folder = new CsvFolder()
            .Write("XLU", "2024-05-01,70,71,69,70.5,3000")
            .Write("NOTREAL", "2024-05-01,1,1,1,1,1");

        var outcome = await IngestAsync(folder);

        (await _database.QueryAsync($"SELECT symbol, rows_stored FROM ingestion_run_symbols WHERE ingestion_run_id = {outcome.RunId}",
            r => (r.GetString(0), r.GetInt32(1)))).Should().Equal(("XLU", 1));
        (await _database.ScalarAsync<long>("SELECT count(*) FROM instruments WHERE symbol = 'NOTREAL'")).Should().Be(0);
    }

    private async Task<IngestionRunOutcome> IngestAsync(CsvFolder folder, string expected = IngestionRunStatus.Succeeded)
    {
        var outcome = await _host.Runner.RunAsync(new IngestionRequest { Trigger = "manual", CsvDirectory = folder.Path }, CancellationToken.None);
        outcome!.Status.Should().Be(expected);
        return outcome;
    }

    private async Task<(int Received, int Stored, int Rejected, int Flagged, int Revised)> RunSymbolAsync(long runId, string symbol) =>
        (await _database.QueryAsync(
            $"SELECT rows_received, rows_stored, rows_rejected, rows_flagged, rows_revised FROM ingestion_run_symbols WHERE ingestion_run_id = {runId} AND symbol = '{symbol}'",
            r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4)))).Single();
}
