using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Infrastructure.Snapshot;

namespace RotationAnalytics.ReadPathBenchmarks;

/// <summary>
/// Full snapshot loads, each beside the baseline of the same run: a raw binary COPY of the same rows read and thrown
/// away (what PostgreSQL and the wire cost before the snapshot builds anything). Reports time, bytes per bar and memory.
/// </summary>
internal static class SnapshotLoad
{
    public static async Task<int> RunAsync(string connectionString, int repeat)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var loader = new MarketSnapshotLoader(dataSource, TimeProvider.System);
        var loads = new List<double>();
        var copies = new List<double>();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        MarketSnapshot? kept = null;
        for (var i = 0; i < repeat; i++)
        {
            kept = null;
            GC.Collect();
            var started = Stopwatch.GetTimestamp();
            kept = await loader.LoadAsync(null, CancellationToken.None);
            loads.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            started = Stopwatch.GetTimestamp();
            await RawCopyAsync(dataSource);
            copies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var heap = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var snapshot = kept!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{snapshot.Instruments.Count:N0} instruments, {snapshot.BarCount:N0} bars, {repeat} full loads"));
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| full snapshot load, median (min–max) | {Median(loads):N0} ms ({loads.Min():N0}–{loads.Max():N0}) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| baseline: raw binary COPY of the same rows, median | {Median(copies):N0} ms |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| series arrays | {snapshot.SeriesBytes / 1048576.0:N1} MiB = {(double)snapshot.SeriesBytes / Math.Max(1, snapshot.BarCount):N1} bytes per bar |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| managed heap held by the snapshot | {heap / 1048576.0:N1} MiB = {(double)heap / Math.Max(1, snapshot.BarCount):N1} bytes per bar |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| peak resident memory of this process (VmHWM) | {PeakRssMiB():N0} MiB |"));
        GC.KeepAlive(snapshot);
        return 0;
    }

    /// <summary>Creates a throwaway database with a synthetic store, measures full loads, drops the database.</summary>
    public static async Task<int> ScaleAsync(string serverConnectionString, int instruments, int barsPerInstrument)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        var name = $"rotation_scale_{Guid.NewGuid():N}"[..30];
        var database = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, CommandTimeout = 0 }.ConnectionString;
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {name}");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Rotation"] = database })
                .Build();
            await using (var services = new ServiceCollection().AddLogging().AddInfrastructure(configuration).BuildServiceProvider())
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RotationDbContext>().Database.MigrateAsync();
            }

            var started = Stopwatch.GetTimestamp();
            // Random walks of business days from 2006 on: one source batch per instrument, as a CSV backfill stores them.
            await ExecuteAsync(
                database,
                $$"""
                INSERT INTO instruments (symbol, name, kind, currency, groups, aliases)
                SELECT 'S' || lpad(i::text, 5, '0'), 'Synthetic ' || i, 'stock', 'USD', ARRAY['synthetic'], '{}'
                FROM generate_series(1, {{instruments}}) AS i;
                INSERT INTO source_batches (instrument_id, provider, provider_symbol, url, retrieved_at, content_sha256, rows_received,
                                            rows_stored, rows_rejected, rows_flagged, rows_revised, price_kind, attribution, is_synthetic)
                SELECT id, 'demo', symbol, 'demo://' || symbol, now(), repeat('0', 64), {{barsPerInstrument}}, {{barsPerInstrument}}, 0, 0, 0,
                       'Raw', 'synthetic scale benchmark', true
                FROM instruments;
                INSERT INTO daily_bars (instrument_id, date, open, high, low, close, volume, source_batch_id, flags)
                SELECT b.instrument_id, DATE '2006-01-02' + (n / 5) * 7 + n % 5, p * 0.999, p * 1.01, p * 0.99, p, 1000000, b.id, '{}'
                FROM source_batches b, generate_series(0, {{barsPerInstrument - 1}}) AS n,
                     LATERAL (SELECT 100 * exp(sin(n / 50.0 + b.instrument_id) * 0.3 + n * 0.0002) AS p) AS price;
                ANALYZE daily_bars;
                """);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Synthetic store of {instruments:N0} × {barsPerInstrument:N0} bars built in {Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s"));
            return await RunAsync(database, 3);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task RawCopyAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var copy = await connection.BeginRawBinaryCopyAsync(
            "COPY (SELECT instrument_id, date, open, high, low, close, adjusted_close, volume, flags, source_batch_id " +
            "FROM daily_bars ORDER BY instrument_id, date) TO STDOUT (FORMAT BINARY)");
        var buffer = new byte[1 << 16];
        while (await copy.ReadAsync(buffer.AsMemory(), CancellationToken.None) > 0)
        {
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static long PeakRssMiB() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
