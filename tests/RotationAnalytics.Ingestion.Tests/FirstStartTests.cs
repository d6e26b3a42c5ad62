using System.Net;
using System.Net.Sockets;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>The first start of a new installation: an empty database and, typically, no provider within reach.</summary>
public sealed class FirstStartTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("firststart");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_new_database_is_migrated_without_an_error_in_the_log_and_a_restart_neither()
    {
        await using (var first = await IngestionHost.StartAsync(_database.ConnectionString))
        {
            first.Logs.Messages.Should().NotContain(m => m.StartsWith("Error", StringComparison.Ordinal) || m.StartsWith("Critical", StringComparison.Ordinal));
            first.Logs.Messages.Should().NotContain(m => m.Contains("Failed executing DbCommand", StringComparison.Ordinal));
        }

        await using var second = await IngestionHost.StartAsync(_database.ConnectionString);
        second.Logs.Messages.Should().NotContain(m => m.StartsWith("Error", StringComparison.Ordinal) || m.StartsWith("Critical", StringComparison.Ordinal));
        (await _database.ScalarAsync<long>("SELECT count(*) FROM instruments")).Should().Be(22);
    }

    [Fact]
    public async Task Without_a_reachable_provider_each_provider_fails_in_one_warning_line_without_stack_traces_then_the_log_says_how_to_load_data()
    {
        var unreachable = $"http://127.0.0.1:{ClosedPort()}/";
        await using var host = await IngestionHost.StartAsync(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Ingestion:Schedule:Enabled"] = "true",
            ["Ingestion:ProviderOrder:0"] = "yahoo",
            ["Ingestion:ProviderOrder:1"] = "tiingo",
            ["Ingestion:Providers:Yahoo:BaseUrl"] = unreachable,
            ["Ingestion:Providers:Yahoo:RequestsPerSecond"] = "1000",
            ["Ingestion:Providers:Yahoo:RetryBaseDelay"] = "00:00:00.010",
            ["Ingestion:Providers:Tiingo:BaseUrl"] = unreachable,
            ["Ingestion:Providers:Tiingo:ApiKey"] = "test-key",
            ["Ingestion:Providers:Tiingo:RequestsPerSecond"] = "1000",
            ["Ingestion:Providers:Tiingo:RetryBaseDelay"] = "00:00:00.010",
        });

        var hint = await WaitForLogAsync(host, "No market data is stored");

        hint.Should().StartWith("Warning").And.Contain("--csv-dir").And.Contain("--demo").And.Contain("ApiKey");
        var visible = host.Logs.Messages.Where(m => !m.StartsWith("Debug", StringComparison.Ordinal) && !m.StartsWith("Trace", StringComparison.Ordinal)).ToList();
        visible.Should().NotContain(m => m.Contains("   at ", StringComparison.Ordinal), "expected network faults are reported without stack traces");
        var runnerWarnings = visible.Where(m => m.StartsWith("Warning RotationAnalytics.Ingestion.Runs.IngestionRunner", StringComparison.Ordinal)).ToList();
        runnerWarnings.Should().HaveCount(2, "one line per provider");
        runnerWarnings.Should().ContainSingle(m => m.Contains("Provider yahoo failed for 22 of 22 symbols: ", StringComparison.Ordinal));
        runnerWarnings.Should().ContainSingle(m => m.Contains("Provider tiingo failed for ", StringComparison.Ordinal));
        runnerWarnings.Should().OnlyContain(m => m.Contains("connection failed (ConnectionError)", StringComparison.Ordinal) || m.Contains("circuit open", StringComparison.Ordinal));
        visible.Count(m => m.StartsWith("Warning", StringComparison.Ordinal) || m.StartsWith("Error", StringComparison.Ordinal)).Should().Be(3);
        (await _database.ScalarAsync<string>("SELECT trigger || ' ' || status FROM ingestion_runs")).Should().Be("backfill failed");
    }

    private static int ClosedPort()
    {
        // A port that was just free: connecting to it is refused, like a provider that cannot be reached.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<string> WaitForLogAsync(IngestionHost host, string text)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (host.Logs.Messages.FirstOrDefault(m => m.Contains(text, StringComparison.Ordinal)) is { } message)
            {
                return message;
            }

            await Task.Delay(100, deadline.Token);
        }
    }
}
