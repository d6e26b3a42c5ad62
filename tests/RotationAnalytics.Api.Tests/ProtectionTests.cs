using System.Net;
using System.Text.Json;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Api.Tests;

/// <summary>Hosts of their own: a tight rate limit, and the synthetic demo data that must label itself.</summary>
public sealed class ProtectionTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("protection");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Beyond_the_per_client_limit_requests_get_429_with_retry_after_as_problem_details()
    {
        await using var api = new ApiFactory(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "3",
            ["RateLimiting:WindowSeconds"] = "60",
        });
        using var client = api.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync(new Uri("/instruments", UriKind.Relative));
            statuses.Add(last.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        last.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        last.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "health probes are not rate-limited");
    }

    [Fact]
    public async Task Results_built_on_the_demo_data_say_they_are_synthetic()
    {
        await using var api = new ApiFactory(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Ingestion:Demo"] = "true",
            ["RateLimiting:Enabled"] = "false",
        });
        using var client = api.CreateClient();

        var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/streaks?symbol=IWM&benchmark=SPY", UriKind.Relative))).RootElement;

        json.GetProperty("methodology").GetString().Should().Contain("SYNTHETIC");
        json.GetProperty("sources").EnumerateArray().Should().NotBeEmpty()
            .And.OnlyContain(s => s.GetProperty("synthetic").GetBoolean() && s.GetProperty("attribution").GetString()!.Contains("ynthetic", StringComparison.Ordinal));
    }
}
