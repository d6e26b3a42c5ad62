using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Api.Tests;

/// <summary>An ingestion commit changes the data version: cached answers and ETags from before it are not served again.</summary>
public sealed class CacheInvalidationTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rotation-cache-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("cache");

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task After_new_bars_are_committed_the_same_query_answers_from_the_new_data_with_a_new_etag()
    {
        var early = Directory.CreateDirectory(Path.Combine(_folder, "early")).FullName;
        foreach (var symbol in new[] { "RUT", "SPX" })
        {
            // The real files cut after 2026-01-15 (header kept): the later bars arrive in the second ingestion.
            var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.MarketData, symbol + ".csv"));
            File.WriteAllLines(Path.Combine(early, symbol + ".csv"), lines.Take(1).Concat(lines.Skip(1).Where(l => string.CompareOrdinal(l, "2026-01-16") < 0)));
        }

        await using var api = new ApiFactory(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Ingestion:CsvDirectory"] = early,
            ["RateLimiting:Enabled"] = "false",
        });
        using var client = api.CreateClient();
        var url = new Uri("/streaks?symbol=RUT&benchmark=SPX", UriKind.Relative);
        var before = await client.GetAsync(url);
        var etagBefore = before.Headers.ETag!;
        JsonDocument.Parse(await before.Content.ReadAsStringAsync()).RootElement.GetProperty("asOf").GetString().Should().Be("2026-01-15");

        var outcome = await api.Services.GetRequiredService<IngestionRunner>().RunAsync(
            new IngestionRequest { Trigger = "manual", CsvDirectory = RepositoryPaths.MarketData, Symbols = ["RUT", "SPX"] }, CancellationToken.None);
        outcome!.Status.Should().Be(IngestionRunStatus.Succeeded);

        // The commit notifies every API process; the snapshot refresh follows within about a second.
        // Each symbol's batch is its own commit: an answer in between (RUT new, SPX not yet) is a true state too.
        var lastRut = File.ReadLines(Path.Combine(RepositoryPaths.MarketData, "RUT.csv")).Last()[..10];
        HttpResponseMessage after;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(250);
            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(etagBefore);
            after = await client.SendAsync(conditional);
        }
        while ((after.StatusCode == HttpStatusCode.NotModified || !(await after.Content.ReadAsStringAsync()).Contains($"\"asOf\":\"{lastRut}\"", StringComparison.Ordinal))
            && DateTime.UtcNow < deadline);

        after.StatusCode.Should().Be(HttpStatusCode.OK);
        after.Headers.ETag.Should().NotBe(etagBefore);
        JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement.GetProperty("asOf").GetString().Should().Be(lastRut);
    }
}
