using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Api.Tests;

public sealed class HostingTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("hosting");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Two_hosts_starting_together_on_one_database_seed_the_universe_once()
    {
        await using var first = new ApiFactory(_database.ConnectionString);
        await using var second = new ApiFactory(_database.ConnectionString);

        await Task.WhenAll(Task.Run(first.CreateClient), Task.Run(second.CreateClient));
        await using var third = new ApiFactory(_database.ConnectionString);
        third.CreateClient();

        (await _database.ScalarAsync<long>("SELECT count(*) FROM instruments")).Should().Be(22);
        (await _database.ScalarAsync<long>("SELECT count(DISTINCT symbol) FROM instruments")).Should().Be(22);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM provider_symbols")).Should().Be(101);
    }

    [Fact]
    public async Task When_the_database_goes_away_reads_keep_answering_from_the_snapshot_and_ready_says_degraded()
    {
        var target = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        await using var proxy = new FaultyTcpProxy(target.Host!, target.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Port = proxy.Port, Timeout = 3 }.ConnectionString;
        await using var api = new ApiFactory(viaProxy, new Dictionary<string, string?> { ["Snapshot:PollIntervalSeconds"] = "0.5" });
        using var client = api.CreateClient();

        var healthy = await ReadyAsync(client);
        healthy.Status.Should().Be(HttpStatusCode.OK);
        healthy.Body.GetProperty("status").GetString().Should().Be("Degraded", "a new database holds no bars yet");
        var version = healthy.Body.GetProperty("checks").GetProperty("snapshot").GetProperty("data").GetProperty("version").GetInt64();
        version.Should().Be(await _database.ScalarAsync<long>("SELECT version FROM data_version"));
        var before = await client.GetAsync(new Uri("/instruments", UriKind.Relative));

        proxy.Cut();
        var degraded = await PollReadyAsync(client, body => body.GetProperty("checks").GetProperty("snapshot").GetProperty("description").GetString()!.Contains("refreshing failed"));
        degraded.Status.Should().Be(HttpStatusCode.OK);
        degraded.Body.GetProperty("status").GetString().Should().Be("Degraded");
        var snapshot = degraded.Body.GetProperty("checks").GetProperty("snapshot");
        snapshot.GetProperty("data").GetProperty("version").GetInt64().Should().Be(version);
        snapshot.GetProperty("data").GetProperty("ageSeconds").GetDouble().Should().BeGreaterThanOrEqualTo(0);
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "liveness does not depend on the database");
        var during = await client.GetAsync(new Uri("/instruments", UriKind.Relative));
        during.StatusCode.Should().Be(HttpStatusCode.OK, "the previous snapshot keeps answering");
        during.Headers.ETag.Should().Be(before.Headers.ETag);
        (await during.Content.ReadAsStringAsync()).Should().Be(await before.Content.ReadAsStringAsync());

        proxy.Restore();
        var recovered = await PollReadyAsync(client, body => !body.GetProperty("checks").GetProperty("snapshot").GetProperty("description").GetString()!.Contains("refreshing failed"));
        recovered.Body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().Should().Be("Healthy");
    }

    [Fact]
    public async Task Reads_answer_503_with_retry_after_until_a_first_snapshot_is_loaded()
    {
        var target = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        await using var proxy = new FaultyTcpProxy(target.Host!, target.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Port = proxy.Port, Timeout = 2 }.ConnectionString;
        await using (var migrate = new ApiFactory(_database.ConnectionString))
        {
            migrate.CreateClient().Dispose();
        }

        proxy.Cut();
        await using var api = new ApiFactory(viaProxy, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Snapshot:PollIntervalSeconds"] = "0.5",
        });
        using var client = api.CreateClient();

        var ready = await ReadyAsync(client);
        ready.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.Body.GetProperty("checks").GetProperty("snapshot").GetProperty("description").GetString().Should().StartWith("No market snapshot loaded yet");
        var instruments = await client.GetAsync(new Uri("/instruments", UriKind.Relative));
        instruments.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        instruments.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        instruments.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));

        proxy.Restore();
        (await PollReadyAsync(client, body => body.GetProperty("checks").GetProperty("snapshot").GetProperty("status").GetString() != "Unhealthy"))
            .Status.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/instruments", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Instruments_lists_the_default_universe_with_aliases_groups_and_empty_coverage()
    {
        await using var api = new ApiFactory(_database.ConnectionString);
        using var client = api.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/instruments", UriKind.Relative)));

        var items = json.RootElement.EnumerateArray().ToList();
        items.Select(i => i.GetProperty("symbol").GetString()).Should().Equal(
            "COMP", "DIA", "DJI", "IJR", "IWM", "KRE", "MDY", "QQQ", "RUT", "SPX", "SPY",
            "XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY");
        var spx = items.Single(i => i.GetProperty("symbol").GetString() == "SPX");
        spx.GetProperty("name").GetString().Should().Be("S&P 500");
        spx.GetProperty("kind").GetString().Should().Be("index");
        spx.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).Should().Contain(["^GSPC", "GSPC"]);
        spx.GetProperty("coverage").GetRawText().Should().Be("""{"firstDate":null,"lastDate":null,"barCount":0,"flaggedBars":0}""");
        var xlu = items.Single(i => i.GetProperty("symbol").GetString() == "XLU");
        xlu.GetProperty("sector").GetString().Should().Be("Utilities");
        xlu.GetProperty("groups").EnumerateArray().Select(g => g.GetString()).Should().Equal("us-sectors");
    }

    [Fact]
    public async Task Swagger_json_documents_every_controller_endpoint()
    {
        await using var api = new ApiFactory(_database.ConnectionString);
        using var client = api.CreateClient();

        using var swagger = JsonDocument.Parse(await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)));
        var documented = swagger.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToList();
        routes.Should().NotBeEmpty().And.Contain("/instruments");
        documented.Should().Contain(routes);
        var streaks = swagger.RootElement.GetProperty("paths").GetProperty("/streaks").GetProperty("get");
        streaks.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "304", "400", "404", "422", "429", "503"]);
        var symbol = streaks.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "symbol");
        symbol.GetProperty("description").GetString().Should().Contain("alias");
        symbol.GetProperty("example").GetString().Should().Be("RUT");
        documented.Should().Contain(["/performance", "/streaks/aftermath", "/correlation"]);
        var performance = swagger.RootElement.GetProperty("paths").GetProperty("/performance").GetProperty("get");
        performance.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "400", "404", "422"]);
        performance.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "horizons")
            .GetProperty("example").EnumerateArray().Select(h => h.GetString()).Should().Equal("1M", "YTD", "1Y");
        (await client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_route_answers_404_as_problem_details()
    {
        await using var api = new ApiFactory(_database.ConnectionString);
        using var client = api.CreateClient();

        var response = await client.GetAsync(new Uri("/no-such-thing?x=1", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(404);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PollReadyAsync(HttpClient client, Func<JsonElement, bool> wanted)
    {
        var ready = await ReadyAsync(client);
        for (var attempt = 0; attempt < 60 && !wanted(ready.Body); attempt++)
        {
            await Task.Delay(250);
            ready = await ReadyAsync(client);
        }

        wanted(ready.Body).Should().BeTrue($"readiness should change; it says {ready.Body}");
        return ready;
    }
}
