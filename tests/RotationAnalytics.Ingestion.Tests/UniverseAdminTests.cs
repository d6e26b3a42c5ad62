using System.Net;
using System.Text.Json;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>
/// Instruments added and retired through the admin API, backfilled through the real Yahoo provider from recorded
/// payloads on the replay server, and an asynchronous run cancelled mid-way; one database and one API host.
/// </summary>
public sealed class UniverseAdminTests : IAsyncLifetime
{
    private const string Key = "admin-secret-4242";
    private const string Yahoo = "/v8/finance/chart/";
    private const string SpyChart = "yahoo/chart_spy_etf_daily_div_2023-01-03_truncated10.json";
    private const string GspcChart = "yahoo/chart_gspc_index_daily_2023-01-03_truncated10.json";

    private TestDatabase _database = null!;
    private ReplayServer _server = null!;
    private ApiFactory Api { get; set; } = null!;
    private AdminClient _admin = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("universe");
        _server = await ReplayServer.StartAsync();
        Api = new ApiFactory(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Admin:ApiKey"] = Key,
            ["RateLimiting:Enabled"] = "false",
            ["Ingestion:ProviderOrder:0"] = "yahoo",
            ["Ingestion:MaxParallelSymbols"] = "1", // symbols in alphabetical order, one at a time: the cancel test relies on it
            ["Ingestion:Providers:Yahoo:BaseUrl"] = _server.BaseUrl.AbsoluteUri,
            ["Ingestion:Providers:Yahoo:RetryBaseDelay"] = "00:00:00.010",
            ["Ingestion:Providers:Yahoo:AttemptTimeout"] = "00:00:30", // a hanging answer outlives the cancellation
            ["Ingestion:Providers:Yahoo:RequestsPerSecond"] = "100",
        });
        _admin = new AdminClient(Api.CreateClient(), Key);
    }

    public async Task DisposeAsync()
    {
        _admin.Http.Dispose();
        await Api.DisposeAsync();
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Hban_added_through_the_api_is_backfilled_from_yahoo_answers_streaks_against_spx_and_stays_queryable_when_retired()
    {
        // The recorded SPY chart of 2023-01-03..17 stands in for HBAN, the ^GSPC chart of the same dates for SPX.
        _server.On(Yahoo, ReplayServer.File(SpyChart), ReplayServer.File(GspcChart));

        var added = await _admin.SendAsync(HttpMethod.Post, "/admin/instruments", new
        {
            symbol = "hban", name = "Huntington Bancshares", kind = "stock", currency = "usd", sector = "Financials", groups = (List<string>)["Regional-Banks"],
        });

        added.StatusCode.Should().Be(HttpStatusCode.Created);
        added.Headers.Location!.AbsolutePath.Should().Be("/admin/instruments/HBAN");
        var instrument = await AdminClient.JsonAsync(added);
        instrument.GetProperty("symbol").GetString().Should().Be("HBAN");
        instrument.GetProperty("currency").GetString().Should().Be("USD");
        instrument.GetProperty("groups").GetRawText().Should().Be("""["regional-banks"]""");
        instrument.GetProperty("providerSymbols").GetRawText().Should().Be(
            """{"alphavantage":"HBAN","polygon":"HBAN","stooq":"hban.us","tiingo":"hban","yahoo":"HBAN"}""");
        instrument.GetProperty("retired").GetBoolean().Should().BeFalse();
        var backfillId = instrument.GetProperty("backfillRun").GetProperty("id").GetInt64();
        instrument.GetProperty("backfillRun").GetProperty("href").GetString().Should().Be($"/admin/ingestion/runs/{backfillId}");

        var backfill = await _admin.WaitForRunAsync(backfillId);
        backfill.GetProperty("status").GetString().Should().Be("succeeded");
        backfill.GetProperty("trigger").GetString().Should().Be("backfill");
        backfill.GetProperty("progress").GetRawText().Should().Be("""{"symbolsDone":1,"symbolsTotal":1}""");
        backfill.GetProperty("rows").GetProperty("stored").GetInt32().Should().Be(10);
        // A backfill of an instrument without bars asks from Ingestion:BackfillFrom, 1990-01-01 (631152000 s).
        _server.Requests.Select(r => r.PathAndQuery).Should().Contain(p => p.StartsWith("/v8/finance/chart/HBAN?period1=631152000&", StringComparison.Ordinal));

        var spx = await _admin.SendAsync(HttpMethod.Post, "/admin/ingestion/runs", new { symbols = (List<string>)["SPX"], provider = "yahoo", from = "2023-01-01", to = "2023-01-17" });
        spx.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await _admin.WaitForRunAsync((await AdminClient.JsonAsync(spx)).GetProperty("id").GetInt64())).GetProperty("status").GetString().Should().Be("succeeded");

        var streaks = await StreaksAsync();
        // Hand computation from the two recorded close series (daily returns, HBAN minus SPX):
        //   01-04 +0.000181 W, 01-05 +0.000232 W, 01-06 +0.000091 W, 01-09 +0.000201 W, 01-10 +0.000035 W,
        //   01-11 -0.000202 L, 01-12 +0.000225 W, 01-13 -0.000117 L, 01-17 +0.000199 W
        // so the streaks are W5 (01-04..01-10), L1, W1 (01-12), L1, W1 (01-17, current): the current one ranks 2nd of the
        // outperformance streaks, sets no record, and the previous one at least as long is the W1 of 01-12.
        streaks.GetProperty("asOf").GetString().Should().Be("2023-01-17");
        var current = streaks.GetProperty("current");
        (current.GetProperty("direction").GetString(), current.GetProperty("length").GetInt32(), current.GetProperty("startDate").GetString(),
            current.GetProperty("rank").GetInt32(), current.GetProperty("isRecord").GetBoolean())
            .Should().Be(("outperform", 1, "2023-01-17", 2, false));
        current.GetProperty("previousAtLeastAsLong").GetProperty("startDate").GetString().Should().Be("2023-01-12");
        var record = streaks.GetProperty("records").GetProperty("outperform");
        (record.GetProperty("length").GetInt32(), record.GetProperty("startDate").GetString(), record.GetProperty("endDate").GetString())
            .Should().Be((5, "2023-01-04", "2023-01-10"));
        streaks.GetProperty("history").GetProperty("total").GetInt32().Should().Be(5);
        streaks.GetProperty("commonDates").GetProperty("count").GetInt32().Should().Be(10);

        (await _admin.SendAsync(HttpMethod.Post, "/admin/instruments", new { symbol = "HBAN", name = "again", kind = "stock", currency = "USD" }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);

        var retired = await _admin.SendAsync(HttpMethod.Delete, "/admin/instruments/hban");
        retired.StatusCode.Should().Be(HttpStatusCode.OK);
        (await AdminClient.JsonAsync(retired)).GetProperty("retired").GetBoolean().Should().BeTrue();
        (await _database.ScalarAsync<long>("SELECT count(*) FROM instruments WHERE symbol = 'HBAN' AND retired_at IS NOT NULL")).Should().Be(1);

        var listed = await WaitForAsync("/instruments", json => json.EnumerateArray().Single(i => i.GetProperty("symbol").GetString() == "HBAN").GetProperty("retired").GetBoolean());
        var hban = listed.EnumerateArray().Single(i => i.GetProperty("symbol").GetString() == "HBAN");
        hban.GetProperty("coverage").GetRawText().Should().Be("""{"firstDate":"2023-01-03","lastDate":"2023-01-17","barCount":10,"flaggedBars":0}""");
        hban.GetProperty("retiredAt").ValueKind.Should().Be(JsonValueKind.String, hban.GetRawText());
        (await StreaksAsync()).GetProperty("current").GetRawText().Should().Be(current.GetRawText(), "a retired instrument's bars still answer");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM daily_bars JOIN instruments i ON i.id = instrument_id WHERE i.symbol = 'HBAN'")).Should().Be(10);

        var pull = await _admin.SendAsync(HttpMethod.Post, "/admin/ingestion/runs", new { symbols = (List<string>)["HBAN"] });
        pull.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a retired instrument is no longer pulled");
        (await AdminClient.JsonAsync(pull)).GetProperty("errors").GetProperty("symbols")[0].GetString().Should().Contain("retired").And.Contain("HBAN");
    }

    [Fact]
    public async Task Malformed_instruments_are_400s_naming_each_field_and_nothing_is_stored()
    {
        var response = await _admin.SendAsync(HttpMethod.Post, "/admin/instruments", new
        {
            symbol = "HB AN!", name = "", kind = "bond", currency = "dollars", sector = "Banks", groups = (List<string>)["my group"],
            providerSymbols = new Dictionary<string, string?> { ["bloomberg"] = "HBAN US" },
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await AdminClient.JsonAsync(response)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo("symbol", "name", "kind", "currency", "sector", "groups", "providerSymbols");
        errors.GetProperty("providerSymbols")[0].GetString().Should().Contain("bloomberg");

        var alias = await _admin.SendAsync(HttpMethod.Post, "/admin/instruments", new { symbol = "GSPC", name = "S&P again", kind = "index", currency = "USD" });
        alias.StatusCode.Should().Be(HttpStatusCode.Conflict, "GSPC is an alias of SPX");
        (await AdminClient.JsonAsync(alias)).GetProperty("detail").GetString().Should().Contain("SPX");

        (await _admin.SendAsync(HttpMethod.Delete, "/admin/instruments/NOPE")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM instruments")).Should().Be(22);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM ingestion_runs")).Should().Be(0);
    }

    [Fact]
    public async Task An_asynchronous_run_is_cancelled_mid_way_and_the_batches_committed_before_stay()
    {
        // QQQ answers at once; SPY's answer hangs until the run is cancelled.
        _server.On(Yahoo, ReplayServer.File("yahoo/chart_qqq_daily_2020-01-02.json"), ReplayServer.Hang(TimeSpan.FromMinutes(2)));

        var started = await _admin.SendAsync(HttpMethod.Post, "/admin/ingestion/runs", new { symbols = (List<string>)["SPY", "QQQ"], provider = "yahoo", from = "2020-01-01", to = "2020-01-03" });
        started.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var id = (await AdminClient.JsonAsync(started)).GetProperty("id").GetInt64();
        var halfway = await _admin.WaitForRunAsync(id, r => r.GetProperty("progress").GetProperty("symbolsDone").GetInt32() == 1);
        halfway.GetProperty("status").GetString().Should().Be("running");
        halfway.GetProperty("progress").GetRawText().Should().Be("""{"symbolsDone":1,"symbolsTotal":2}""");
        halfway.GetProperty("rows").GetProperty("stored").GetInt32().Should().Be(1);

        var cancel = await _admin.SendAsync(HttpMethod.Delete, $"/admin/ingestion/runs/{id}");
        cancel.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var run = await _admin.WaitForRunAsync(id);

        run.GetProperty("status").GetString().Should().Be("cancelled");
        run.GetProperty("cancelRequested").GetBoolean().Should().BeTrue();
        run.GetProperty("error").GetString().Should().Contain("after 1 of 2 instruments");
        run.GetProperty("symbols").EnumerateArray().Select(s => s.GetProperty("symbol").GetString()).Should().Equal("QQQ");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM daily_bars")).Should().Be(1, "QQQ's committed batch stays");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM source_batches")).Should().Be(1);
        (await _admin.SendAsync(HttpMethod.Delete, $"/admin/ingestion/runs/{id}")).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    private async Task<JsonElement> StreaksAsync() =>
        await WaitForAsync("/streaks?symbol=HBAN&benchmark=SPX&minLength=1", json => json.TryGetProperty("asOf", out var asOf) && asOf.GetString() == "2023-01-17");

    /// <summary>GETs a public URL until its JSON satisfies <paramref name="accept"/> (the snapshot follows commits within moments), at most 10 s.</summary>
    private async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> accept)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await _admin.Http.GetAsync(new Uri(path, UriKind.Relative));
            var json = await AdminClient.JsonAsync(response);
            if ((response.IsSuccessStatusCode && accept(json)) || DateTime.UtcNow > deadline)
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK, path);
                return json;
            }

            await Task.Delay(50);
        }
    }
}
