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
    public async Task Ready_turns_503_when_the_database_goes_away_and_200_when_it_returns()
    {
        var target = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        await using var proxy = new FaultyTcpProxy(target.Host!, target.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Port = proxy.Port, Timeout = 3 }.ConnectionString;
        await using var api = new ApiFactory(viaProxy);
        using var client = api.CreateClient();

        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        proxy.Cut();
        (await PollReadyAsync(client, HttpStatusCode.ServiceUnavailable)).Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "liveness does not depend on the database");
        var instruments = await client.GetAsync(new Uri("/instruments", UriKind.Relative));
        instruments.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        instruments.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        instruments.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));

        proxy.Restore();
        (await PollReadyAsync(client, HttpStatusCode.OK)).Should().Be(HttpStatusCode.OK);
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

    private static async Task<HttpStatusCode> PollReadyAsync(HttpClient client, HttpStatusCode wanted)
    {
        var status = HttpStatusCode.InternalServerError;
        for (var attempt = 0; attempt < 40 && status != wanted; attempt++)
        {
            status = (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode;
            if (status != wanted)
            {
                await Task.Delay(250);
            }
        }

        return status;
    }
}
