using Npgsql;
using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>SPEC §6: the demo loads into a database of its own and never writes into the one that holds real data.</summary>
public sealed class DemoSeparationTests : IAsyncLifetime
{
    private static readonly string[] RealSymbols = ["RUT", "SPX", "IWM"];

    private readonly string _realFolder = Directory.CreateTempSubdirectory("ra-real-").FullName;

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("demosep");
        foreach (var symbol in RealSymbols)
        {
            File.Copy(Path.Combine(RepositoryPaths.MarketData, symbol + ".csv"), Path.Combine(_realFolder, symbol + ".csv"));
        }
    }

    public async Task DisposeAsync()
    {
        await DropDemoDatabaseAsync();
        await _database.DisposeAsync();
        Directory.Delete(_realFolder, recursive: true);
    }

    [Fact]
    public async Task The_demo_configuration_loads_a_database_of_its_own_and_the_real_bars_stay_bit_identical()
    {
        var real = new Dictionary<string, string?> { ["Ingestion:CsvDirectory"] = _realFolder };
        await StartAndStopApiAsync(real);
        var before = await RealDataSnapshotAsync();
        (await _database.ScalarAsync<double>("SELECT close FROM daily_bars d JOIN instruments i ON i.id = d.instrument_id WHERE i.symbol = 'RUT' AND d.date = '2026-08-21'"))
            .Should().Be(3017.87);

        await StartAndStopApiAsync(new Dictionary<string, string?> { ["Ingestion:Demo"] = "true" });
        await StartAndStopApiAsync(real);

        (await RealDataSnapshotAsync()).Should().Be(before, "the demo must not change a single value of the real database");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM source_batches WHERE is_synthetic OR provider = 'demo'")).Should().Be(0);
        var demo = await DemoDatabaseCountsAsync();
        demo.Should().Be((22L, 0L), "the demo universe (synthetic, real) went into <database>_demo");
    }

    [Fact]
    public async Task A_configured_demo_connection_string_is_used_instead_of_the_derived_name()
    {
        var demoConnectionString = DemoDatabase.DerivedConnectionString(_database.ConnectionString);

        await StartAndStopApiAsync(new Dictionary<string, string?>
        {
            ["Ingestion:Demo"] = "true",
            ["ConnectionStrings:RotationDemo"] = demoConnectionString,
        });

        new NpgsqlConnectionStringBuilder(demoConnectionString).Database.Should().Be(_database.Name + "_demo");
        (await DemoDatabaseCountsAsync()).Synthetic.Should().Be(22);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).Should().Be(0, "the real database was not even migrated");
    }

    [Fact]
    public async Task Demo_ingestion_refuses_a_database_holding_real_batches_and_real_ingestion_refuses_a_demo_database()
    {
        await using var host = await IngestionHost.StartAsync(_database.ConnectionString);
        (await host.Runner.RunAsync(new IngestionRequest { Trigger = "cli", CsvDirectory = _realFolder }, CancellationToken.None))!
            .Status.Should().Be(IngestionRunStatus.Succeeded);
        var before = await RealDataSnapshotAsync();

        var demoIntoReal = () => host.Runner.RunAsync(new IngestionRequest { Trigger = "manual", Demo = true }, CancellationToken.None);

        await demoIntoReal.Should().ThrowAsync<ArgumentException>().WithMessage("*holds real market data (3 source batches)*");
        (await RealDataSnapshotAsync()).Should().Be(before);

        await using var demoDatabase = await TestDatabase.CreateAsync("demoguard");
        await using var demoHost = await IngestionHost.StartAsync(demoDatabase.ConnectionString);
        await demoHost.Runner.RunAsync(
            new IngestionRequest { Trigger = "manual", Demo = true, Symbols = ["IWM"], From = new(2024, 1, 2), To = new(2024, 1, 31) }, CancellationToken.None);
        var demoBefore = await demoDatabase.StoredDataFingerprintAsync();

        var realIntoDemo = () => demoHost.Runner.RunAsync(new IngestionRequest { Trigger = "cli", CsvDirectory = _realFolder }, CancellationToken.None);

        await realIntoDemo.Should().ThrowAsync<ArgumentException>().WithMessage("*holds the synthetic demo universe (1 source batches)*");
        (await demoDatabase.StoredDataFingerprintAsync()).Should().Be(demoBefore);
        (await demoDatabase.ScalarAsync<long>("SELECT count(*) FROM source_batches WHERE NOT is_synthetic")).Should().Be(0);
    }

    [Fact]
    public async Task Demo_and_a_csv_folder_at_start_exclude_each_other()
    {
        var both = new Dictionary<string, string?> { ["Ingestion:Demo"] = "true", ["Ingestion:CsvDirectory"] = _realFolder };

        var start = () => StartAndStopApiAsync(both);

        (await start.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("exclude each other");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'daily_bars'")).Should().Be(0);
    }

    private async Task StartAndStopApiAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await using var api = new ApiFactory(_database.ConnectionString, settings);
        using var client = api.CreateClient(); // starts the host: migration and startup load
    }

    /// <summary>
    /// Every column of every stored bar and source batch as PostgreSQL prints it; float8 prints the shortest text that
    /// reads back to the same double, so equal text means bit-identical values.
    /// </summary>
    private Task<string?> RealDataSnapshotAsync() => _database.ScalarAsync<string>(
        """
        SELECT (SELECT string_agg(d::text, E'\n' ORDER BY d.instrument_id, d.date) FROM daily_bars d) || E'\n' ||
               (SELECT string_agg(b::text, E'\n' ORDER BY b.id) FROM source_batches b)
        """);

    private async Task<(long Synthetic, long Real)> DemoDatabaseCountsAsync()
    {
        await using var connection = new NpgsqlConnection(DemoDatabase.DerivedConnectionString(_database.ConnectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FILTER (WHERE is_synthetic), count(*) FILTER (WHERE NOT is_synthetic) FROM source_batches", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task DropDemoDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_database.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database.Name}{DemoDatabase.NameSuffix}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
