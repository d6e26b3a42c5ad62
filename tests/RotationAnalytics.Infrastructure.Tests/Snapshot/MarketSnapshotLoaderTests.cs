using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Infrastructure.Snapshot;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Infrastructure.Tests.Snapshot;

/// <summary>
/// The snapshot against a real PostgreSQL: the data version moves with every change of bars or instruments, in the
/// changing transaction, and an incremental refresh gives exactly what a full read gives while re-reading only what changed.
/// </summary>
public sealed class MarketSnapshotLoaderTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("snapshot");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Rotation"] = _database.ConnectionString })
            .Build();
        _services = new ServiceCollection().AddLogging().AddInfrastructure(configuration).AddMarketSnapshot(configuration).BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RotationDbContext>().Database.MigrateAsync();
        await Seeding.UniverseSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<RotationDbContext>(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private MarketSnapshotLoader Loader => _services.GetRequiredService<MarketSnapshotLoader>();

    [Fact]
    public async Task Incremental_refresh_equals_a_full_read_and_rereads_only_changed_instruments()
    {
        var rut = await InstrumentIdAsync("RUT");
        var spx = await InstrumentIdAsync("SPX");
        var xlk = await InstrumentIdAsync("XLK");
        var first = await InsertBatchAsync(rut, new(Day(1), 100), new(Day(2), 101), new(Day(5), 102, Flags: ["ohlc_inconsistent"]));
        await InsertBatchAsync(spx, new(Day(1), 4000, 1e9), new(Day(2), 4010, 1.1e9));
        var initial = await Loader.LoadAsync(null, CancellationToken.None);

        // RUT gains a bar from a new batch and has one revised; XLK appears; SPX is untouched; RUT joins a group.
        var second = await InsertBatchAsync(rut, new TestBar(Day(6), 103));
        await ExecuteAsync($"UPDATE daily_bars SET close = 101.5, source_batch_id = {second} WHERE instrument_id = {rut} AND date = '{Day(2):yyyy-MM-dd}'");
        await InsertBatchAsync(xlk, new TestBar(Day(5), 200, 5e6));
        await ExecuteAsync($"UPDATE instruments SET groups = groups || '{{my-small-caps}}' WHERE id = {rut}");

        var incremental = await Loader.LoadAsync(initial, CancellationToken.None);
        var full = await Loader.LoadAsync(null, CancellationToken.None);

        incremental.Version.Should().Be(full.Version).And.BeGreaterThan(initial.Version);
        incremental.Version.Should().Be(await _database.ScalarAsync<long>("SELECT version FROM data_version"));
        incremental.SeriesById[spx].Should().BeSameAs(initial.SeriesById[spx], "an unchanged instrument is not re-read");
        incremental.SeriesById.Keys.Should().BeEquivalentTo(full.SeriesById.Keys);
        foreach (var (id, series) in full.SeriesById)
        {
            Describe(incremental.SeriesById[id]).Should().Equal(Describe(series));
        }

        incremental.Instruments.Should().BeEquivalentTo(full.Instruments);
        incremental.GroupMembers("my-small-caps").Select(i => i.Symbol).Should().Equal("RUT");
        incremental.Sources.Keys.Should().BeEquivalentTo(full.Sources.Keys);

        var rutSeries = incremental.SeriesById[rut];
        rutSeries.Bars.Select(b => (b.Date, b.Close)).Should().Equal((Day(1), 100), (Day(2), 101.5), (Day(5), 102), (Day(6), 103));
        Enumerable.Range(0, 4).Select(rutSeries.SourceAt).Should().Equal(first, second, first, second);
        rutSeries.Flags(2).Should().Equal("ohlc_inconsistent");
        rutSeries.Flags(1).Should().BeEmpty();
        rutSeries.Volume(0).Should().BeNull();
        incremental.SeriesById[spx].Volume(1).Should().Be(1.1e9);
        var cited = new SortedSet<long>();
        rutSeries.AddSources(cited, Day(3), Day(5));
        cited.Should().Equal(first);
        rutSeries.Through(Day(4)).Select(b => b.Date).Should().Equal(Day(1), Day(2));
    }

    [Fact]
    public async Task Every_change_of_bars_or_instruments_advances_the_version_in_its_own_transaction_and_nothing_else_does()
    {
        var rut = await InstrumentIdAsync("RUT");
        var start = await VersionAsync();

        await InsertBatchAsync(rut, new TestBar(Day(1), 100));
        var afterInsert = await VersionAsync();
        afterInsert.Should().BeGreaterThan(start);

        await ExecuteAsync($"UPDATE daily_bars SET close = 99 WHERE instrument_id = {rut} AND date = '2030-01-01'");
        (await VersionAsync()).Should().Be(afterInsert, "a statement that changes no row is no new state");
        await ExecuteAsync("SELECT count(*) FROM daily_bars");
        (await VersionAsync()).Should().Be(afterInsert);

        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand($"UPDATE daily_bars SET close = 98 WHERE instrument_id = {rut}", connection, transaction);
            await command.ExecuteNonQueryAsync();
            await transaction.RollbackAsync();
        }

        (await VersionAsync()).Should().Be(afterInsert, "a rolled-back change leaves no version behind");

        await ExecuteAsync($"UPDATE instruments SET name = 'Russell 2000 Index' WHERE id = {rut}");
        var afterRename = await VersionAsync();
        afterRename.Should().BeGreaterThan(afterInsert);
        (await _database.ScalarAsync<string>($"SELECT string_agg(kind || ':' || instrument_id, ',' ORDER BY version) FROM data_changes WHERE version > {start}"))
            .Should().Be($"bars:{rut},instruments:{rut}");
    }

    [Fact]
    public async Task A_dividend_change_advances_the_version_as_corporate_actions_and_the_incremental_refresh_rereads_that_instrument()
    {
        var iwm = await InstrumentIdAsync("IWM");
        var spy = await InstrumentIdAsync("SPY");
        var batch = await InsertBatchAsync(iwm, new(Day(5), 100), new(Day(6), 102), new(Day(7), 99), new(Day(8), 100));
        await ExecuteAsync($"UPDATE source_batches SET corporate_actions_reported = true WHERE id = {batch}");
        await InsertBatchAsync(spy, new TestBar(Day(5), 500));
        var initial = await Loader.LoadAsync(null, CancellationToken.None);
        var before = await VersionAsync();
        initial.SeriesById[iwm].TotalReturn.Bars.Select(b => b.Close).Should().Equal(100, 102, 99, 100);

        await ExecuteAsync($"INSERT INTO corporate_actions (instrument_id, ex_date, kind, value, source_batch_id) VALUES ({iwm}, '{Day(7):yyyy-MM-dd}', 'Dividend', 2, {batch})");
        var incremental = await Loader.LoadAsync(initial, CancellationToken.None);

        (await _database.ScalarAsync<string>($"SELECT string_agg(kind || ':' || instrument_id, ',') FROM data_changes WHERE version > {before}"))
            .Should().Be($"corporate_actions:{iwm}");
        incremental.Version.Should().BeGreaterThan(initial.Version);
        incremental.SeriesById[spy].Should().BeSameAs(initial.SeriesById[spy]);
        var series = incremental.SeriesById[iwm];
        series.Dividends.ExDates.Should().Equal(Day(7));
        series.Dividends.Amounts.Should().Equal(2.0);
        // Hand-worked: TR 100; 102; 102·(99 + 2)/102 = 101; 101·100/99.
        series.TotalReturn.Bars.Select(b => b.Close).Should().Equal(100, 102, 101, 101.0 * 100 / 99);
        series.TotalReturn.Coverage(Day(5), Day(8)).Should().Be(new TotalReturnCoverage(3, 0, null));
        var cited = new SortedSet<long>();
        series.Dividends.AddSources(cited, Day(6), Day(7));
        cited.Should().Equal(batch);

        // A batch that does not report dividends leaves its days without total-return information.
        var plain = await InsertBatchAsync(iwm, new TestBar(Day(9), 101));
        var after = await Loader.LoadAsync(incremental, CancellationToken.None);
        after.SeriesById[iwm].TotalReturn.Coverage(Day(5), Day(9)).Should().Be(new TotalReturnCoverage(3, 0, Day(9), 1));
        plain.Should().BeGreaterThan(batch);
    }

    private static DateOnly Day(int day) => new(2026, 1, day);

    private static IEnumerable<string> Describe(InstrumentSeries series) =>
        Enumerable.Range(0, series.Count).Select(i =>
            $"{series.Bars[i]}|{series.AdjustedClose(i)}|{series.Volume(i)}|{string.Join(';', series.Flags(i))}|{series.SourceAt(i)}");

    private Task<long> VersionAsync() => _database.ScalarAsync<long>("SELECT version FROM data_version");

    private Task<int> InstrumentIdAsync(string symbol) => _database.ScalarAsync<int>($"SELECT id FROM instruments WHERE symbol = '{symbol}'");

    /// <summary>One source batch and its bars, in one transaction, as the bar writer stores them.</summary>
    private async Task<long> InsertBatchAsync(int instrumentId, params TestBar[] bars)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlCommand(
            $"""
            INSERT INTO source_batches (instrument_id, provider, provider_symbol, url, retrieved_at, content_sha256, rows_received,
                                        rows_stored, rows_rejected, rows_flagged, rows_revised, price_kind, attribution, is_synthetic)
            VALUES ({instrumentId}, 'csv', 'X', 'file:///x.csv', now(), repeat('0', 64), {bars.Length}, {bars.Length}, 0, 0, 0, 'Raw', 'test', false)
            RETURNING id
            """,
            connection,
            transaction);
        var id = (long)(await batch.ExecuteScalarAsync())!;
        foreach (var (date, close, volume, flags) in bars)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO daily_bars (instrument_id, date, open, high, low, close, volume, source_batch_id, flags) " +
                "VALUES (@i, @d, @c, @c, @c, @c, @v, @s, @f)",
                connection,
                transaction);
            insert.Parameters.AddWithValue("i", instrumentId);
            insert.Parameters.AddWithValue("d", date);
            insert.Parameters.AddWithValue("c", close);
            insert.Parameters.AddWithValue("v", (object?)volume ?? DBNull.Value);
            insert.Parameters.AddWithValue("s", id);
            insert.Parameters.AddWithValue("f", flags ?? []);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return id;
    }

    public sealed record TestBar(DateOnly Date, double Close, double? Volume = null, string[]? Flags = null);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
