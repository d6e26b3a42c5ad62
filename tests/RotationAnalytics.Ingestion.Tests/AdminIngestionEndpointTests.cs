using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

public sealed class AdminIngestionEndpointTests : IAsyncLifetime
{
    private const string Key = "admin-secret-0815";
    private const string Runs = "/admin/ingestion/runs";

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("admin");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ApiFactory Api() => new(_database.ConnectionString, new Dictionary<string, string?> { ["Admin:ApiKey"] = Key });

    [Fact]
    public async Task Every_admin_route_of_the_routing_table_answers_401_problem_details_without_the_right_key()
    {
        // One host for every wrong key: each key is tried on every route of the routing table.
        await using var api = Api();
        using var client = api.CreateClient();
        var routes = AdminClient.Routes(api);
        routes.Select(r => $"{r.Method} {r.Path}").Should().Contain(
        [
            "GET /admin/ingestion/runs", "POST /admin/ingestion/runs", "GET /admin/ingestion/runs/1", "DELETE /admin/ingestion/runs/1",
            "POST /admin/instruments", "GET /admin/instruments/1", "DELETE /admin/instruments/1", "PUT /admin/groups/1", "DELETE /admin/groups/1",
        ]);

        foreach (var key in new[] { null, "", "admin-secret-0816", "admin-secret-0815x" })
        {
            foreach (var (method, path) in routes)
            {
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
                if (method == HttpMethod.Post || method == HttpMethod.Put)
                {
                    request.Content = JsonContent.Create(new { provider = "demo", symbol = "HBAN", name = "x", kind = "stock", currency = "USD", members = (List<string>)["SPY"] });
                }

                if (key is not null)
                {
                    request.Headers.Add("X-Api-Key", key);
                }

                var response = await client.SendAsync(request);

                response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{method} {path} with key {key ?? "(none)"}");
                if (method != HttpMethod.Head)
                {
                    response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
                }
            }
        }

        (await _database.ScalarAsync<long>("SELECT count(*) FROM ingestion_runs")).Should().Be(0);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM instruments WHERE symbol = 'HBAN' OR '1' = ANY(groups) OR retired_at IS NOT NULL")).Should().Be(0);
    }

    [Fact]
    public async Task Without_a_configured_key_admin_endpoints_refuse_everyone()
    {
        await using var api = new ApiFactory(_database.ConnectionString);
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Runs, UriKind.Relative));
        request.Headers.Add("X-Api-Key", "");

        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_answers_202_at_once_and_the_run_is_listed_and_detailed_with_progress_and_per_symbol_counts()
    {
        await using var api = Api();
        var admin = new AdminClient(api.CreateClient(), Key);
        var response = await admin.SendAsync(HttpMethod.Post, Runs, new { symbols = (List<string>)["xlk", "XLU"], provider = "demo", from = "2024-01-01", to = "2024-01-31" });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var accepted = await AdminClient.JsonAsync(response);
        var id = accepted.GetProperty("id").GetInt64();
        response.Headers.Location!.AbsolutePath.Should().Be($"/admin/ingestion/runs/{id}");
        accepted.GetProperty("trigger").GetString().Should().Be("manual");
        accepted.GetProperty("status").GetString().Should().BeOneOf("queued", "running", "succeeded");

        var run = await admin.WaitForRunAsync(id);
        run.GetProperty("status").GetString().Should().Be("succeeded");
        // January 2024: 21 NYSE trading days (New Year's Day and MLK Day closed).
        run.GetProperty("rows").GetRawText().Should().Be("""{"received":42,"stored":42,"rejected":0,"flagged":0,"revised":0}""");
        run.GetProperty("progress").GetRawText().Should().Be("""{"symbolsDone":2,"symbolsTotal":2}""");
        run.GetProperty("symbols").EnumerateArray().Select(s => (s.GetProperty("symbol").GetString(), s.GetProperty("provider").GetString(), s.GetProperty("rows").GetProperty("stored").GetInt32()))
            .Should().Equal(("XLK", "demo", 21), ("XLU", "demo", 21));

        var list = await AdminClient.JsonAsync(await admin.SendAsync(HttpMethod.Get, Runs));
        list.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).Should().Equal(id);
        list[0].GetProperty("symbols").ValueKind.Should().Be(JsonValueKind.Null);
        (await admin.SendAsync(HttpMethod.Get, $"{Runs}/{id + 1}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.SendAsync(HttpMethod.Delete, $"{Runs}/{id}")).StatusCode.Should().Be(HttpStatusCode.Conflict, "the run has ended");
        (await admin.SendAsync(HttpMethod.Delete, $"{Runs}/{id + 1}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM daily_bars")).Should().Be(42);
    }

    [Fact]
    public async Task Post_validates_before_anything_starts_and_a_run_waits_queued_while_another_holds_the_lock()
    {
        await using var api = Api();
        var admin = new AdminClient(api.CreateClient(), Key);
        await ExpectFieldErrorAsync(admin, new { symbols = (List<string>)["NOPE"], provider = "demo" }, "symbols", "NOPE");
        await ExpectFieldErrorAsync(admin, new { provider = "bloomberg" }, "provider", "bloomberg");
        await ExpectFieldErrorAsync(admin, new { provider = "tiingo" }, "provider", "tiingo");
        await ExpectFieldErrorAsync(admin, new { provider = "demo", from = "2024-02-01", to = "2024-01-01" }, "from", "after");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM ingestion_runs")).Should().Be(0, "nothing starts for an invalid request");

        long id;
        await using (await new IngestionLock(_database.ConnectionString).AcquireAsync(wait: true, CancellationToken.None))
        {
            var response = await admin.SendAsync(HttpMethod.Post, Runs, new { symbols = (List<string>)["XLK"], provider = "demo", from = "2024-01-02", to = "2024-01-05" });
            response.StatusCode.Should().Be(HttpStatusCode.Accepted);
            id = (await AdminClient.JsonAsync(response)).GetProperty("id").GetInt64();
            await Task.Delay(500);
            (await admin.WaitForRunAsync(id, _ => true)).GetProperty("status").GetString().Should().Be(IngestionRunStatus.Queued);
        }

        var run = await admin.WaitForRunAsync(id);
        run.GetProperty("status").GetString().Should().Be(IngestionRunStatus.Succeeded);
        run.GetProperty("rows").GetProperty("stored").GetInt32().Should().Be(4, "2024-01-02 to 01-05 are four trading days");
    }

    [Fact]
    public async Task A_run_left_running_by_a_stopped_process_is_marked_interrupted_when_a_process_starts()
    {
        await using (var first = Api())
        {
            first.CreateClient().Dispose(); // migrates
        }

        var id = await _database.ScalarAsync<long>("INSERT INTO ingestion_runs (trigger, status, started_at, cancel_requested) VALUES ('manual', 'running', now(), false) RETURNING id");
        await using var api = Api();
        var admin = new AdminClient(api.CreateClient(), Key);

        var run = await admin.WaitForRunAsync(id);
        run.GetProperty("status").GetString().Should().Be(IngestionRunStatus.Interrupted);
        run.GetProperty("finishedAt").ValueKind.Should().Be(JsonValueKind.String);
    }

    private static async Task ExpectFieldErrorAsync(AdminClient admin, object body, string field, string mention)
    {
        var response = await admin.SendAsync(HttpMethod.Post, Runs, body);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await AdminClient.JsonAsync(response)).GetProperty("errors");
        errors.GetProperty(field)[0].GetString().Should().Contain(mention);
    }
}
