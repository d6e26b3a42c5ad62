using System.Net;
using System.Text;
using System.Text.Json;
using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>
/// Corporate actions end to end: recorded provider payloads (../shared/fixtures/providers) replayed over loopback, the real
/// ingestion into a real PostgreSQL, and for total returns the real API host on that database.
/// </summary>
public sealed class CorporateActionReplayTests : IAsyncLifetime
{
    private const string Yahoo = "/v8/finance/chart/";
    private const string MsftChart = "yahoo/chart_msft_daily_div_2021-02-01_2022-01-28.json";
    private const string NvdaChart = "yahoo/chart_nvda_daily_split_2021-02-01_2022-01-28.json";

    private TestDatabase _database = null!;
    private ReplayServer _server = null!;
    private IngestionHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("corporate_actions");
        _server = await ReplayServer.StartAsync();
        var settings = new Dictionary<string, string?>();
        foreach (var provider in new[] { "Yahoo", "AlphaVantage", "Tiingo", "Polygon" })
        {
            var prefix = $"Ingestion:Providers:{provider}:";
            settings[prefix + "BaseUrl"] = _server.BaseUrl.AbsoluteUri;
            settings[prefix + "ApiKey"] = provider == "Yahoo" ? null : "SECRET";
            settings[prefix + "RetryBaseDelay"] = "00:00:00.010";
            settings[prefix + "RequestsPerSecond"] = "100";
        }

        _host = await IngestionHost.StartAsync(_database.ConnectionString, settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Yahoo_dividends_and_splits_are_stored_with_their_batch_and_give_the_hand_computed_total_return_through_the_api()
    {
        await AddInstrumentAsync("MSFT", ("yahoo", "MSFT"));
        await AddInstrumentAsync("NVDA", ("yahoo", "NVDA"));
        _server.On(Yahoo + "MSFT", ReplayServer.File(MsftChart));
        _server.On(Yahoo + "NVDA", ReplayServer.File(NvdaChart));
        await RunAsync("yahoo", "MSFT", new DateOnly(2021, 2, 1), new DateOnly(2022, 1, 28));
        await RunAsync("yahoo", "NVDA", new DateOnly(2021, 2, 1), new DateOnly(2022, 1, 28));

        // events.dividends of the MSFT recording (ex-date = the New York date of the session timestamp) and NVDA's 4:1 split.
        (await ActionsAsync()).Should().Equal(
            ("MSFT", new DateOnly(2021, 2, 17), "Dividend", 0.56, "yahoo"),
            ("MSFT", new DateOnly(2021, 5, 19), "Dividend", 0.56, "yahoo"),
            ("MSFT", new DateOnly(2021, 8, 18), "Dividend", 0.56, "yahoo"),
            ("MSFT", new DateOnly(2021, 11, 17), "Dividend", 0.62, "yahoo"),
            ("NVDA", new DateOnly(2021, 7, 20), "Split", 4.0, "yahoo"));
        (await _database.ScalarAsync<bool>("SELECT bool_and(corporate_actions_reported) FROM source_batches")).Should().BeTrue();

        await using var api = new ApiFactory(_database.ConnectionString);
        using var client = api.CreateClient();

        // Window 2021-08-16 … 2021-08-20: base = close of Friday 2021-08-13, MSFT went ex 0.56 on Wednesday 2021-08-18.
        // Closes from the recording: 08-13 292.8500061035156, 08-18 290.7300109863281, 08-20 304.3599853515625.
        // Total return by hand = (C18 + 0.56)/C13 · C20/C18 − 1 (the other days' factors telescope);
        // price return = C20/C13 − 1. NVDA (no dividend in the recording): 20.81599998474121/20.187999725341797 − 1.
        const double c13 = 292.8500061035156, c18 = 290.7300109863281, c20 = 304.3599853515625;
        const double totalByHand = ((c18 + 0.56) / c13 * (c20 / c18)) - 1; // 0.0413052172…
        const double nvda = (20.81599998474121 / 20.187999725341797) - 1;
        var total = await GetJsonAsync(client, "/relative-performance?symbols=MSFT&benchmark=NVDA&from=2021-08-16&to=2021-08-20&returnType=total");
        var price = await GetJsonAsync(client, "/relative-performance?symbols=MSFT&benchmark=NVDA&from=2021-08-16&to=2021-08-20");

        total.GetProperty("returnType").GetString().Should().Be("total");
        price.GetProperty("returnType").GetString().Should().Be("price");
        var t = total.GetProperty("results")[0];
        t.GetProperty("return").GetDouble().Should().BeApproximately(totalByHand, 1e-12);
        t.GetProperty("return").GetDouble().Should().BeApproximately(0.0413052172, 1e-10);
        t.GetProperty("benchmarkReturn").GetDouble().Should().BeApproximately(nvda, 1e-12);
        t.GetProperty("excessReturn").GetDouble().Should().BeApproximately(totalByHand - nvda, 1e-12);
        t.GetProperty("base").GetProperty("date").GetString().Should().Be("2021-08-13");
        price.GetProperty("results")[0].GetProperty("return").GetDouble().Should().BeApproximately((c20 / c13) - 1, 1e-12);
        total.GetProperty("methodology").GetString().Should().Contain("returnType=total").And.Contain("stored cash dividends");
        price.GetProperty("methodology").GetString().Should().Contain("returnType=price").And.Contain("dividends are left out");

        // /performance 1W as of 2021-08-20: base = last trading date ≤ 2021-08-13, the same window.
        var performance = await GetJsonAsync(client, "/performance?symbols=MSFT&benchmark=NVDA&asOf=2021-08-20&horizons=1W&returnType=total");
        performance.GetProperty("returnType").GetString().Should().Be("total");
        performance.GetProperty("rows")[0].GetProperty("returns").GetProperty("1W").GetProperty("return").GetDouble()
            .Should().BeApproximately(totalByHand, 1e-12);

        foreach (var path in new[]
        {
            "/streaks?symbol=MSFT&benchmark=NVDA&asOf=2021-08-20&returnType=total",
            "/streaks/aftermath?symbol=MSFT&benchmark=NVDA&asOf=2021-08-20&returnType=total",
            "/correlation?symbols=MSFT&benchmark=NVDA&from=2021-06-01&to=2021-08-20&window=21&returnType=total",
        })
        {
            (await GetJsonAsync(client, path)).GetProperty("returnType").GetString().Should().Be("total", path);
        }
    }

    [Fact]
    public async Task A_re_reported_dividend_with_another_amount_is_a_revision_with_both_batches()
    {
        await AddInstrumentAsync("MSFT", ("yahoo", "MSFT"));
        var recorded = await File.ReadAllTextAsync(ReplayServer.Fixture(MsftChart));
        var corrected = recorded.Replace("\"amount\":0.62", "\"amount\":0.63", StringComparison.Ordinal);
        corrected.Should().NotBe(recorded);
        _server.On(Yahoo + "MSFT", ReplayServer.File(MsftChart), ReplayServer.Body(Encoding.UTF8.GetBytes(corrected)), ReplayServer.File(MsftChart));

        await RunAsync("yahoo", "MSFT", new DateOnly(2021, 2, 1), new DateOnly(2022, 1, 28));
        var first = await _database.ScalarAsync<long>("SELECT max(id) FROM source_batches");
        await RunAsync("yahoo", "MSFT", new DateOnly(2021, 2, 1), new DateOnly(2022, 1, 28));
        var second = await _database.ScalarAsync<long>("SELECT max(id) FROM source_batches");

        second.Should().BeGreaterThan(first, "only the dividend changed, and that is stored data with its own batch");
        (await ActionsAsync()).Where(a => a.ExDate == new DateOnly(2021, 11, 17)).Should().Equal(("MSFT", new DateOnly(2021, 11, 17), "Dividend", 0.63, "yahoo"));
        (await _database.ScalarAsync<long>($"SELECT source_batch_id FROM corporate_actions WHERE ex_date = '2021-11-17'")).Should().Be(second);
        (await _database.ScalarAsync<long>($"SELECT source_batch_id FROM corporate_actions WHERE ex_date = '2021-08-18'")).Should().Be(first);
        (await _database.ScalarAsync<int>($"SELECT rows_stored FROM source_batches WHERE id = {second}")).Should().Be(0, "no bar changed");
        (await RevisionsAsync()).Should().Equal((new DateOnly(2021, 11, 17), "Dividend", 0.62, 0.63, first, second));

        // The recording again: a revision back, the old value restored.
        await RunAsync("yahoo", "MSFT", new DateOnly(2021, 2, 1), new DateOnly(2022, 1, 28));
        var third = await _database.ScalarAsync<long>("SELECT max(id) FROM source_batches");
        (await RevisionsAsync()).Should().Equal(
            (new DateOnly(2021, 11, 17), "Dividend", 0.62, 0.63, first, second),
            (new DateOnly(2021, 11, 17), "Dividend", 0.63, 0.62, second, third));
        (await _database.ScalarAsync<long>("SELECT count(*) FROM data_changes WHERE kind = 'corporate_actions'")).Should().Be(3);
    }

    [Fact]
    public async Task Alpha_vantage_adjusted_series_and_tiingo_prices_report_their_corporate_actions_and_polygon_aggregates_do_not()
    {
        await AddInstrumentAsync("MSFT", ("alphavantage", "MSFT"));
        await AddInstrumentAsync("GOOGL", ("tiingo", "GOOGL"));
        await AddInstrumentAsync("AAPL", ("polygon", "AAPL"));
        _server.On("/query", ReplayServer.File("alphavantage/time_series_daily_adjusted_msft_compact_2018-07-13.json"));
        _server.On("/tiingo/daily/", ReplayServer.File("tiingo/daily_prices_googl_2018-01-05_2018-01-19.json"));
        _server.On("/v2/aggs/ticker/", ReplayServer.File("polygon/aggs_aapl_range_1_day_2023-01-01_2023-01-10_raw.json"));

        await RunAsync("alphavantage", "MSFT", new DateOnly(2018, 2, 21), new DateOnly(2018, 7, 13));
        await RunAsync("tiingo", "GOOGL", new DateOnly(2018, 1, 5), new DateOnly(2018, 1, 19));
        await RunAsync("polygon", "AAPL", new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 10));

        // "7. dividend amount": "0.4200" on 2018-05-16 is the only non-zero amount; every "8. split coefficient" is 1.
        (await ActionsAsync()).Should().Equal(("MSFT", new DateOnly(2018, 5, 16), "Dividend", 0.42, "alphavantage"));
        (await _database.QueryAsync(
            "SELECT provider, corporate_actions_reported FROM source_batches ORDER BY provider", r => (r.GetString(0), r.GetBoolean(1))))
            .Should().Equal(("alphavantage", true), ("polygon", false), ("tiingo", true));
        // "5. adjusted close" is kept as the adjusted close and "6. volume" as the volume (2018-07-13 row of the recording).
        (await _database.QueryAsync(
            "SELECT adjusted_close, volume FROM daily_bars WHERE date = '2018-07-13'", r => (r.GetDouble(0), r.GetDouble(1))))
            .Should().Equal((105.43, 24578301d));
    }

    [Fact]
    public async Task Csv_dividend_and_split_columns_are_stored_and_bad_ones_rejected_with_their_reasons()
    {
        await AddInstrumentAsync("MSFT");
        using var folder = new CsvFolder();
        File.WriteAllText(Path.Combine(folder.Path, "MSFT.csv"), """
            date,open,high,low,close,volume,dividend,split
            2021-08-16,10,11,9,10,100,,
            2021-08-17,10,11,9,10.5,100,0.25,
            2021-08-18,10,11,9,10.2,100,-0.1,
            2021-08-19,5,6,4,5.1,100,0,2:1
            2021-08-20,5,6,4,5.2,100,,-2
            2099-01-02,5,6,4,5.2,100,0.3,
            """);

        var outcome = await _host.Runner.RunAsync(
            new IngestionRequest { Trigger = "manual", CsvDirectory = folder.Path, Symbols = ["MSFT"] }, CancellationToken.None);

        (await ActionsAsync()).Should().Equal(
            ("MSFT", new DateOnly(2021, 8, 17), "Dividend", 0.25, "csv"),
            ("MSFT", new DateOnly(2021, 8, 19), "Split", 2.0, "csv"));
        (await _database.QueryAsync(
            $"SELECT raw_row, reason FROM rejected_bars WHERE ingestion_run_id = {outcome!.RunId} ORDER BY reason",
            r => (r.GetString(0), r.GetString(1)))).Should().Equal(
            ("2099-01-02,5,6,4,5.2,100,0.3,", "action-date-in-future"),
            ("2099-01-02,5,6,4,5.2,100,0.3,", "date-in-future"),
            ("2021-08-18,10,11,9,10.2,100,-0.1,", "dividend-amount-negative"),
            ("2021-08-20,5,6,4,5.2,100,,-2", "split-ratio-not-positive"));
        (await _database.ScalarAsync<bool>("SELECT corporate_actions_reported FROM source_batches")).Should().BeTrue();
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task RunAsync(string provider, string symbol, DateOnly from, DateOnly to)
    {
        var outcome = await _host.Runner.RunAsync(
            new IngestionRequest { Trigger = "manual", Provider = provider, Symbols = [symbol], From = from, To = to }, CancellationToken.None);
        outcome!.Status.Should().Be(IngestionRunStatus.Succeeded);
    }

    private Task<List<(string Symbol, DateOnly ExDate, string Kind, double Value, string Provider)>> ActionsAsync() => _database.QueryAsync(
        """
        SELECT i.symbol, a.ex_date, a.kind, a.value, b.provider
        FROM corporate_actions a JOIN instruments i ON i.id = a.instrument_id JOIN source_batches b ON b.id = a.source_batch_id
        ORDER BY i.symbol, a.ex_date, a.kind
        """,
        r => (r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetDouble(3), r.GetString(4)));

    private Task<List<(DateOnly ExDate, string Kind, double Old, double New, long OldBatch, long NewBatch)>> RevisionsAsync() => _database.QueryAsync(
        "SELECT ex_date, kind, old_value, new_value, old_source_batch_id, new_source_batch_id FROM corporate_action_revisions ORDER BY id",
        r => (r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetInt64(4), r.GetInt64(5)));

    private Task<int> AddInstrumentAsync(string symbol, params (string Provider, string Symbol)[] providerSymbols) => _database.ScalarAsync<int>(
        $"""
        INSERT INTO instruments (symbol, name, kind, currency, groups, aliases) VALUES ('{symbol}', '{symbol}', 'stock', 'USD', ARRAY[]::text[], ARRAY[]::text[])
        ON CONFLICT (symbol) DO NOTHING;
        {string.Concat(providerSymbols.Select(p => $"INSERT INTO provider_symbols (instrument_id, provider, symbol) SELECT id, '{p.Provider}', '{p.Symbol}' FROM instruments WHERE symbol = '{symbol}';"))}
        SELECT 1
        """);
}
