using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Api.Tests;

/// <summary>
/// The data version and the snapshot against real PostgreSQL and real hosts: versions follow commit order, not batch-id
/// order, and a change made through one API process reaches another without a restart.
/// </summary>
public sealed class DataVersionTests : IAsyncLifetime
{
    private static readonly Uri Streaks = new("/streaks?symbol=RUT&benchmark=SPX", UriKind.Relative);

    private readonly string _early = Directory.CreateTempSubdirectory("rotation-version-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("version");
        foreach (var symbol in new[] { "RUT", "SPX" })
        {
            // The real files cut after 2026-01-15 (header kept): later bars arrive during the test.
            var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.MarketData, symbol + ".csv"));
            File.WriteAllLines(Path.Combine(_early, symbol + ".csv"), lines.Take(1).Concat(lines.Skip(1).Where(l => string.CompareOrdinal(l, "2026-01-16") < 0)));
        }
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_early, recursive: true);
    }

    [Fact]
    public async Task Two_writers_committing_out_of_batch_id_order_leave_no_answer_or_etag_describing_the_older_state()
    {
        await using var api = Host(_early);
        using var client = api.CreateClient();
        var initial = await client.GetAsync(Streaks);
        (await AsOfAsync(initial)).Should().Be("2026-01-15");
        var rut = await _database.ScalarAsync<int>("SELECT id FROM instruments WHERE symbol = 'RUT'");
        var spx = await _database.ScalarAsync<int>("SELECT id FROM instruments WHERE symbol = 'SPX'");

        // Writer 1 takes the lower batch id first but is slow; writer 2 takes a higher id and commits first.
        await using var writer1 = await BeginAsync();
        var batch1 = await InsertBatchAsync(writer1, rut);
        await using var writer2 = await BeginAsync();
        var batch2 = await InsertBatchAsync(writer2, spx);
        batch2.Should().BeGreaterThan(batch1);
        await InsertRealBarAsync(writer2, spx, "SPX", batch2);
        await writer2.Transaction.CommitAsync();
        var versionAfterWriter2 = await _database.ScalarAsync<long>("SELECT version FROM data_version");

        // A request in between: SPX has 2026-01-16, RUT not yet, so the pair still ends on the 15th — under a new tag.
        var between = await PollAsync(client, initial.Headers.ETag!, _ => true);
        (await AsOfAsync(between)).Should().Be("2026-01-15");
        between.Headers.ETag!.Tag.Should().Be($"\"d{versionAfterWriter2}-json\"");

        await InsertRealBarAsync(writer1, rut, "RUT", batch1);
        await writer1.Transaction.CommitAsync();
        var versionAfterWriter1 = await _database.ScalarAsync<long>("SELECT version FROM data_version");
        versionAfterWriter1.Should().BeGreaterThan(versionAfterWriter2, "the later commit gets the later version");
        (await _database.ScalarAsync<long>("SELECT max(id) FROM source_batches")).Should().Be(batch2, "the batch id alone could not tell these two states apart");

        var after = await PollAsync(client, between.Headers.ETag!, _ => true);
        after.StatusCode.Should().Be(HttpStatusCode.OK, "the cached answer and ETag of the older state are not served again");
        after.Headers.ETag!.Tag.Should().Be($"\"d{versionAfterWriter1}-json\"");
        (await AsOfAsync(after)).Should().Be("2026-01-16");
        using var stale = new HttpRequestMessage(HttpMethod.Get, Streaks);
        stale.Headers.IfNoneMatch.Add(between.Headers.ETag!);
        (await client.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Data_ingested_through_one_host_reaches_a_second_host_within_two_seconds_without_a_restart()
    {
        await using var writer = Host(_early);
        writer.CreateClient().Dispose();
        // The reader never polls during the test: only the notification can bring it the change.
        await using var reader = Host(csvDirectory: null, pollSeconds: 600);
        using var client = reader.CreateClient();
        var before = await client.GetAsync(Streaks);
        (await AsOfAsync(before)).Should().Be("2026-01-15");

        var outcome = await writer.Services.GetRequiredService<IngestionRunner>().RunAsync(
            new IngestionRequest { Trigger = "manual", CsvDirectory = RepositoryPaths.MarketData, Symbols = ["RUT", "SPX"] }, CancellationToken.None);
        outcome!.Status.Should().Be(IngestionRunStatus.Succeeded);
        var committed = Stopwatch.StartNew();

        var lastRut = File.ReadLines(Path.Combine(RepositoryPaths.MarketData, "RUT.csv")).Last()[..10];
        var after = await PollAsync(client, before.Headers.ETag!, json => json.Contains($"\"asOf\":\"{lastRut}\"", StringComparison.Ordinal));
        committed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "the commit notifies every listening process");
        after.Headers.ETag.Should().NotBe(before.Headers.ETag);
        after.Headers.ETag!.Tag.Should().Be($"\"d{await _database.ScalarAsync<long>("SELECT version FROM data_version")}-json\"");
    }

    private ApiFactory Host(string? csvDirectory, int pollSeconds = 5) => new(_database.ConnectionString, new Dictionary<string, string?>
    {
        ["Ingestion:CsvDirectory"] = csvDirectory,
        ["RateLimiting:Enabled"] = "false",
        ["Snapshot:PollIntervalSeconds"] = pollSeconds.ToString(CultureInfo.InvariantCulture),
    });

    private static async Task<string> AsOfAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("asOf").GetString()!;

    /// <summary>Conditional GETs until one is answered 200 with a body <paramref name="accept"/> takes (at most 10 s).</summary>
    private static async Task<HttpResponseMessage> PollAsync(HttpClient client, EntityTagHeaderValue etag, Func<string, bool> accept)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var conditional = new HttpRequestMessage(HttpMethod.Get, Streaks);
            conditional.Headers.IfNoneMatch.Add(etag);
            var response = await client.SendAsync(conditional);
            if ((response.StatusCode == HttpStatusCode.OK && accept(await response.Content.ReadAsStringAsync())) || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(50);
        }
    }

    private sealed class Writer(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public NpgsqlConnection Connection => connection;

        public NpgsqlTransaction Transaction => transaction;

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private async Task<Writer> BeginAsync()
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return new Writer(connection, await connection.BeginTransactionAsync());
    }

    private static async Task<long> InsertBatchAsync(Writer writer, int instrumentId)
    {
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO source_batches (instrument_id, provider, provider_symbol, url, retrieved_at, content_sha256, rows_received,
                                        rows_stored, rows_rejected, rows_flagged, rows_revised, price_kind, attribution, is_synthetic)
            VALUES ({instrumentId}, 'csv', 'test', 'file:///test.csv', now(), repeat('0', 64), 1, 1, 0, 0, 0, 'Raw', 'test writer', false)
            RETURNING id
            """,
            writer.Connection,
            writer.Transaction);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The instrument's real 2026-01-16 bar from the shared data.</summary>
    private static async Task InsertRealBarAsync(Writer writer, int instrumentId, string symbol, long batch)
    {
        var row = File.ReadLines(Path.Combine(RepositoryPaths.MarketData, symbol + ".csv")).Single(l => l.StartsWith("2026-01-16", StringComparison.Ordinal)).Split(',');
        double Price(int column) => double.Parse(row[column], CultureInfo.InvariantCulture);
        await using var command = new NpgsqlCommand(
            "INSERT INTO daily_bars (instrument_id, date, open, high, low, close, source_batch_id, flags) VALUES (@i, @d, @o, @h, @l, @c, @b, '{}')",
            writer.Connection,
            writer.Transaction);
        command.Parameters.AddWithValue("i", instrumentId);
        command.Parameters.AddWithValue("d", new DateOnly(2026, 1, 16));
        command.Parameters.AddWithValue("o", Price(1));
        command.Parameters.AddWithValue("h", Price(2));
        command.Parameters.AddWithValue("l", Price(3));
        command.Parameters.AddWithValue("c", Price(4));
        command.Parameters.AddWithValue("b", batch);
        await command.ExecuteNonQueryAsync();
    }
}
