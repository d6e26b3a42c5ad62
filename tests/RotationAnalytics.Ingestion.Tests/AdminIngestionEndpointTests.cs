using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

public sealed class AdminIngestionEndpointTests : IAsyncLifetime
{
    private const string Key = "admin-secret-0815";
    private static readonly Uri Runs = new("/admin/ingestion/runs", UriKind.Relative);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("admin");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ApiFactory Api() => new(_database.ConnectionString, new Dictionary<string, string?> { ["Admin:ApiKey"] = Key });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("admin-secret-0816")]
    [InlineData("admin-secret-0815x")]
    public async Task Every_admin_endpoint_answers_401_problem_details_without_the_right_key(string? key)
    {
        await using var api = Api();
        using var client = api.CreateClient();
        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Get, Runs),
            new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/ingestion/runs/1", UriKind.Relative)),
            new HttpRequestMessage(HttpMethod.Post, Runs) { Content = JsonContent.Create(new { provider = "demo" }) },
        })
        {
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            var response = await client.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        (await _database.ScalarAsync<long>("SELECT count(*) FROM ingestion_runs")).Should().Be(0);
    }

    [Fact]
    public async Task Without_a_configured_key_admin_endpoints_refuse_everyone()
    {
        await using var api = new ApiFactory(_database.ConnectionString);
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Runs);
        request.Headers.Add("X-Api-Key", "");

        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_runs_an_ingestion_and_the_run_is_listed_and_detailed_with_per_symbol_counts()
    {
        await using var api = Api();
        using var client = api.CreateClient();
        var response = await SendAsync(client, HttpMethod.Post, Runs, new { symbols = (List<string>)["xlk", "XLU"], provider = "demo", from = "2024-01-01", to = "2024-01-31" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = created.RootElement.GetProperty("id").GetInt64();
        response.Headers.Location!.AbsolutePath.Should().Be($"/admin/ingestion/runs/{id}");
        created.RootElement.GetProperty("status").GetString().Should().Be("succeeded");
        created.RootElement.GetProperty("trigger").GetString().Should().Be("manual");
        // January 2024: 21 NYSE trading days (New Year's Day and MLK Day closed).
        created.RootElement.GetProperty("rows").GetRawText().Should().Be("""{"received":42,"stored":42,"rejected":0,"flagged":0,"revised":0}""");
        created.RootElement.GetProperty("symbols").EnumerateArray().Select(s => (s.GetProperty("symbol").GetString(), s.GetProperty("provider").GetString(), s.GetProperty("rows").GetProperty("stored").GetInt32()))
            .Should().Equal(("XLK", "demo", 21), ("XLU", "demo", 21));

        using var list = JsonDocument.Parse(await (await SendAsync(client, HttpMethod.Get, Runs)).Content.ReadAsStringAsync());
        list.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).Should().Equal(id);
        list.RootElement[0].GetProperty("symbols").ValueKind.Should().Be(JsonValueKind.Null);

        var detail = await SendAsync(client, HttpMethod.Get, response.Headers.Location);
        detail.StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(client, HttpMethod.Get, new Uri($"/admin/ingestion/runs/{id + 1}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM daily_bars")).Should().Be(42);
    }

    [Fact]
    public async Task Post_answers_400_for_unknown_symbols_or_providers_and_409_while_another_run_holds_the_lock()
    {
        await using var api = Api();
        using var client = api.CreateClient();
        (await SendAsync(client, HttpMethod.Post, Runs, new { symbols = (List<string>)["NOPE"], provider = "demo" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await SendAsync(client, HttpMethod.Post, Runs, new { provider = "bloomberg" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await SendAsync(client, HttpMethod.Post, Runs, new { provider = "tiingo" })).StatusCode.Should().Be(HttpStatusCode.BadRequest, "tiingo has no key configured");

        await using (await new IngestionLock(_database.ConnectionString).AcquireAsync(wait: true, CancellationToken.None))
        {
            (await SendAsync(client, HttpMethod.Post, Runs, new { provider = "demo" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        }

        (await _database.ScalarAsync<long>("SELECT count(*) FROM ingestion_runs")).Should().Be(0);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, Uri uri, object? body = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("X-Api-Key", Key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }
}
