using System.Net;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Api.Tests;

/// <summary>/metrics in Prometheus text: HTTP server, Npgsql, runtime and the project's own meters, outside the rate limiter.</summary>
[Collection(MarketDataCollection.Name)]
public sealed class MetricsTests(MarketDataApi api)
{
    [Fact]
    public async Task Metrics_expose_http_database_runtime_ingestion_snapshot_and_cache_series()
    {
        await api.Client.GetAsync(new Uri("/streaks?symbol=IWM&benchmark=SPY&asOf=2025-06-30", UriKind.Relative));
        await api.Client.GetAsync(new Uri("/streaks?symbol=IWM&benchmark=SPY&asOf=2025-06-30", UriKind.Relative));

        var response = await api.Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("http_server_request_duration_seconds_bucket");
        text.Should().MatchRegex(@"(?m)^db_client_\w+");
        text.Should().MatchRegex(@"(?m)^dotnet_gc_\w+|^process_runtime_dotnet_gc_\w+");
        text.Should().MatchRegex(@"(?m)^rotation_ingestion_runs_total\{[^}]*status=""succeeded""[^}]*trigger=""startup""");
        // Meters are process-wide and every host of this test process has its own: counters add up across hosts and a gauge
        // reports one host's value, so the figures are checked for being there and plausible, not for this host's exact values.
        text.Should().MatchRegex(@"(?m)^rotation_ingestion_bars_total\{[^}]*outcome=""stored""[^}]*provider=""csv""[^}]*\} [1-9][0-9]{5,}\b");
        text.Should().MatchRegex(@"(?m)^rotation_snapshot_data_version\{?[^ ]*\}? [1-9]");
        text.Should().MatchRegex(@"(?m)^rotation_snapshot_bars\{?[^ ]*\}? [1-9]");
        text.Should().Contain("rotation_snapshot_age_seconds");
        text.Should().Contain("rotation_snapshot_size_bytes");
        text.Should().MatchRegex(@"(?m)^rotation_answer_cache_lookups_total\{[^}]*result=""hit""");
        text.Should().MatchRegex(@"(?m)^rotation_answer_cache_lookups_total\{[^}]*result=""miss""");
    }

    [Fact]
    public async Task Metrics_can_be_restricted_to_an_allow_list_of_networks()
    {
        await using var restricted = new ApiFactory(api.Database.ConnectionString, new Dictionary<string, string?>
        {
            ["Metrics:AllowedNetworks:0"] = "10.0.0.0/8",
            ["Database:MigrateOnStartup"] = "false",
        });
        using var client = restricted.CreateClient();

        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the test server's client is not in 10.0.0.0/8");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
