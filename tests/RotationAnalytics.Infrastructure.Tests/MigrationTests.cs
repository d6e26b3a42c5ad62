using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Infrastructure.Seeding;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Infrastructure.Tests;

public sealed class MigrationTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("migrations");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Rotation"] = _database.ConnectionString })
            .Build();
        _services = new ServiceCollection().AddLogging().AddInfrastructure(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Migrations_create_every_table_on_an_empty_database_and_a_second_run_changes_nothing()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
            (await db.Database.GetPendingMigrationsAsync()).Should().NotBeEmpty("the database starts empty");
            await db.Database.MigrateAsync();
        }

        var tables = await TablesAsync();
        tables.Should().BeEquivalentTo(
            "__ef_migrations_history", "instruments", "provider_symbols", "daily_bars", "source_batches",
            "bar_revisions", "rejected_bars", "ingestion_runs", "ingestion_run_symbols", "data_version", "data_changes",
            "corporate_actions", "corporate_action_revisions");
        var applied = await _database.ScalarAsync<long>("SELECT count(*) FROM __ef_migrations_history");

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
            await db.Database.MigrateAsync();
        }

        (await _database.ScalarAsync<long>("SELECT count(*) FROM __ef_migrations_history")).Should().Be(applied);
        (await TablesAsync()).Should().BeEquivalentTo(tables);
    }

    [Fact]
    public async Task Seeding_twice_inserts_the_22_default_instruments_once_with_their_provider_symbols()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        await db.Database.MigrateAsync();

        (await UniverseSeeder.SeedAsync(db, CancellationToken.None)).Should().Be(22);
        (await UniverseSeeder.SeedAsync(db, CancellationToken.None)).Should().Be(0);

        (await _database.ScalarAsync<long>("SELECT count(*) FROM instruments")).Should().Be(22);
        // 4 indexes: yahoo + polygon, plus stooq for the 3 Stooq carries (not RUT) = 11; 18 ETFs x 5 providers = 90.
        (await _database.ScalarAsync<long>("SELECT count(*) FROM provider_symbols")).Should().Be(101);
        (await _database.ScalarAsync<string>(
            "SELECT p.symbol FROM provider_symbols p JOIN instruments i ON i.id = p.instrument_id WHERE i.symbol = 'SPX' AND p.provider = 'yahoo'"))
            .Should().Be("^GSPC");
        (await _database.ScalarAsync<string>("SELECT sector FROM instruments WHERE symbol = 'XLK'")).Should().Be("Information Technology");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM instruments WHERE 'us-sectors' = ANY(groups)")).Should().Be(11);
    }

    [Fact]
    public async Task The_schema_itself_refuses_a_non_positive_close_and_a_second_bar_for_the_same_day()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        await db.Database.MigrateAsync();
        await UniverseSeeder.SeedAsync(db, CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO source_batches (instrument_id, provider, provider_symbol, url, retrieved_at, content_sha256, price_kind, attribution,
                                        is_synthetic, rows_received, rows_stored, rows_rejected, rows_flagged, rows_revised)
            SELECT id, 'csv', 'SPY', 'file:SPY.csv', now(), repeat('0', 64), 'Raw', 'test', false, 1, 1, 0, 0, 0
            FROM instruments WHERE symbol = 'SPY'
            """);
        const string insert =
            """
            INSERT INTO daily_bars (instrument_id, date, open, high, low, close, source_batch_id, flags)
            SELECT i.id, DATE '2026-01-02', 1, 1, 1, {0}, b.id, ARRAY[]::text[] FROM instruments i, source_batches b WHERE i.symbol = 'SPY'
            """;

        await db.Database.ExecuteSqlRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, "681.92"));
        var zeroClose = () => db.Database.ExecuteSqlRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, "0"));
        var duplicate = () => db.Database.ExecuteSqlRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, "682"));

        (await zeroClose.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.CheckViolation);
        (await duplicate.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.UniqueViolation);
        (await _database.ScalarAsync<double>("SELECT close FROM daily_bars")).Should().Be(681.92);
    }

    private async Task<List<string>> TablesAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
