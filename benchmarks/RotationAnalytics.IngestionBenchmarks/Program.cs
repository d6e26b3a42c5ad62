using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Infrastructure.BarWriting;
using RotationAnalytics.Infrastructure.Entities;
using RotationAnalytics.Ingestion;
using RotationAnalytics.Ingestion.Providers;
using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Ingestion.Validation;

// Usage: dotnet run -c Release --project benchmarks/RotationAnalytics.IngestionBenchmarks -- SERVER_CONNECTION_STRING [MARKET_DATA_DIR] [BARS] [ROUNDS]
// Creates (and afterwards drops) its own database on that server; needs psql on PATH.
var server = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("ConnectionStrings__Rotation")
    ?? throw new ArgumentException("pass a connection string to a PostgreSQL server");
var marketData = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.GetFullPath("../shared/data/market");
var totalBars = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
const int Instruments = 100;

var database = $"rotation_bench_{Environment.ProcessId}";
var serverBuilder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
await ExecuteAsync(serverBuilder.ConnectionString, $"CREATE DATABASE {database}");
var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
try
{
    var builder = Host.CreateApplicationBuilder();
    builder.Configuration["ConnectionStrings:Rotation"] = connectionString;
    builder.Configuration["Ingestion:Schedule:Enabled"] = "false";
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddInfrastructure(builder.Configuration);
    builder.Services.AddIngestion(builder.Configuration);
    using var host = builder.Build();
    await host.StartAsync(); // migrate and seed

    Console.WriteLine($"PostgreSQL: {await ScalarAsync(connectionString, "SELECT version()")}");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, {Environment.OSVersion}, .NET {Environment.Version}");

    // 1. Bulk load: the same synthetic rows through psql \copy (CSV) and through validation + COPY + upsert.
    var ids = await CreateInstrumentsAsync(connectionString, Instruments);
    var perInstrument = totalBars / Instruments;
    var series = ids.Select((id, i) => Synthetic(id, perInstrument, seed: i)).ToList();
    var csvPath = Path.Combine(Path.GetTempPath(), $"{database}.csv");
    await WriteCsvAsync(csvPath, series);
    Console.WriteLine($"Bulk load: {Instruments} instruments x {perInstrument} bars = {series.Sum(s => s.Bars.Count):N0} bars, {rounds} rounds");

    var psql = new List<double>();
    var writer1 = new List<double>();
    var writer4 = new List<double>();
    for (var round = 1; round <= rounds; round++)
    {
        await ResetAsync(connectionString);
        psql.Add(await PsqlCopyAsync(connectionString, csvPath));
        await ResetAsync(connectionString);
        writer1.Add(await WritePathAsync(host.Services, connectionString, series, parallelism: 1));
        await ResetAsync(connectionString);
        writer4.Add(await WritePathAsync(host.Services, connectionString, series, parallelism: 4));
        Console.WriteLine($"  round {round}: psql \\copy {psql[^1]:F2} s, write path 1 connection {writer1[^1]:F2} s, 4 connections {writer4[^1]:F2} s");
    }

    var bars = (double)series.Sum(s => s.Bars.Count);
    double Rate(List<double> seconds) => bars / Median(seconds);
    Console.WriteLine($"  median rows/s: psql \\copy {Rate(psql):N0}; write path {Rate(writer1):N0} (1 conn, {Rate(writer1) / Rate(psql):F2}x), {Rate(writer4):N0} (4 conn, {Rate(writer4) / Rate(psql):F2}x)");
    File.Delete(csvPath);

    // 2. Full ingestion of the market-data folder through the CSV provider and the run pipeline, on an empty bars table.
    var wall = new List<double>();
    for (var round = 1; round <= rounds; round++)
    {
        await ResetAsync(connectionString);
        var stopwatch = Stopwatch.StartNew();
        var outcome = await host.Services.GetRequiredService<IngestionRunner>().RunAsync(
            new IngestionRequest { Trigger = "cli", CsvDirectory = marketData }, CancellationToken.None);
        wall.Add(stopwatch.Elapsed.TotalSeconds);
        Console.WriteLine($"Market data ingestion round {round}: {outcome!.Status}, {await ScalarAsync(connectionString, "SELECT count(*) FROM daily_bars")} bars in {wall[^1]:F2} s wall");
    }

    Console.WriteLine($"  median {Median(wall):F2} s");
    await host.StopAsync();
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteAsync(serverBuilder.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static async Task<double> WritePathAsync(IServiceProvider services, string connectionString, List<(InstrumentInfo Instrument, List<ReceivedBar> Bars)> series, int parallelism)
{
    var stopwatch = Stopwatch.StartNew();
    var runId = long.Parse(await ScalarAsync(connectionString, "INSERT INTO ingestion_runs (trigger, status, started_at) VALUES ('cli', 'running', now()) RETURNING id"), CultureInfo.InvariantCulture);
    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    await Parallel.ForEachAsync(series, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (s, token) =>
    {
        var validation = BarValidator.Validate(s.Bars, s.Instrument, previousClose: null, today);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BarBatchWriter>().WriteAsync(new BarBatch
        {
            IngestionRunId = runId, InstrumentId = s.Instrument.Id, Provider = "bench", ProviderSymbol = s.Instrument.Symbol,
            Provenance = new SourceProvenance("synthetic://bench", DateTimeOffset.UtcNow, new string('0', 64), PriceKind.Raw, "benchmark", IsSynthetic: true),
            RowsReceived = s.Bars.Count, Bars = validation.Bars, Rejected = validation.Rejected,
        }, token);
    });
    return stopwatch.Elapsed.TotalSeconds;
}

static async Task<double> PsqlCopyAsync(string connectionString, string csvPath)
{
    // After the reset (RESTART IDENTITY) this is batch 1, the id written in the CSV.
    var batch = await ScalarAsync(connectionString,
        """
        INSERT INTO source_batches (instrument_id, provider, provider_symbol, url, retrieved_at, content_sha256, rows_received, rows_stored,
                                    rows_rejected, rows_flagged, rows_revised, price_kind, attribution, is_synthetic)
        SELECT min(id), 'psql', 'bench', 'file://bench', now(), repeat('0', 64), 0, 0, 0, 0, 0, 'Raw', 'benchmark', true FROM instruments
        RETURNING id
        """);
    var c = new NpgsqlConnectionStringBuilder(connectionString);
    var start = new ProcessStartInfo("psql", ["-h", c.Host!, "-p", c.Port.ToString(CultureInfo.InvariantCulture), "-U", c.Username ?? "postgres", "-d", c.Database!, "-v", "ON_ERROR_STOP=1", "-qc",
        $"\\copy daily_bars (instrument_id, date, open, high, low, close, adjusted_close, volume, source_batch_id, flags) FROM '{csvPath}' WITH (FORMAT csv)"]);
    var stopwatch = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    await process.WaitForExitAsync();
    var seconds = stopwatch.Elapsed.TotalSeconds;
    return process.ExitCode == 0 && batch == "1" ? seconds : throw new InvalidOperationException($"psql exited {process.ExitCode} (batch {batch})");
}

static async Task WriteCsvAsync(string path, List<(InstrumentInfo Instrument, List<ReceivedBar> Bars)> series)
{
    await using var writer = new StreamWriter(path);
    foreach (var (instrument, bars) in series)
    {
        foreach (var b in bars)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{instrument.Id},{b.Date:yyyy-MM-dd},{b.Open:R},{b.High:R},{b.Low:R},{b.Close:R},,{b.Volume:R},1,{{}}"));
        }
    }
}

static (InstrumentInfo Instrument, List<ReceivedBar> Bars) Synthetic(int id, int count, int seed)
{
    var random = new Random(seed);
    var bars = new List<ReceivedBar>(count);
    var close = 100.0;
    var date = new DateOnly(1980, 1, 1);
    while (bars.Count < count)
    {
        date = date.AddDays(1);
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            continue;
        }

        var open = close * (1 + ((random.NextDouble() - 0.5) * 0.004));
        close *= 1 + ((random.NextDouble() - 0.5) * 0.02);
        var high = Math.Max(open, close) * 1.003;
        var low = Math.Min(open, close) * 0.997;
        bars.Add(new ReceivedBar("", date, open, high, low, close, null, Math.Round(random.NextDouble() * 1e7)));
    }

    return (new InstrumentInfo(id, $"B{id}", "etf", new Dictionary<string, string>()), bars);
}

static async Task<List<int>> CreateInstrumentsAsync(string connectionString, int count)
{
    var ids = new List<int>();
    for (var i = 0; i < count; i++)
    {
        ids.Add(int.Parse(await ScalarAsync(connectionString,
            $"INSERT INTO instruments (symbol, name, kind, currency, groups, aliases) VALUES ('B{i:D3}', 'bench', 'etf', 'USD', ARRAY[]::text[], ARRAY[]::text[]) RETURNING id"),
            CultureInfo.InvariantCulture));
    }

    return ids;
}

static Task ResetAsync(string connectionString) => ExecuteAsync(connectionString,
    "TRUNCATE daily_bars, bar_revisions, rejected_bars, source_batches, ingestion_run_symbols, ingestion_runs RESTART IDENTITY; CHECKPOINT; VACUUM ANALYZE daily_bars");

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync();
    }
}

static async Task<string> ScalarAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
}
