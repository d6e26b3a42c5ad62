using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>
/// HTTP providers against a loopback Kestrel server replaying the recorded payloads of ../shared/fixtures/providers
/// and injecting faults; every test asserts the database afterwards. A fresh host per test keeps circuit breakers and
/// rate limiters from leaking between tests.
/// </summary>
public sealed class ProviderReplayTests : IAsyncLifetime
{
    private const string Secret = "SECRET-KEY-4711";
    private const string Yahoo = "/v8/finance/chart/";
    private const string Stooq = "/q/d/l/";
    private const string AlphaVantage = "/query";
    private const string Tiingo = "/tiingo/daily/";
    private const string Polygon = "/v2/aggs/ticker/";

    private TestDatabase _database = null!;
    private ReplayServer _server = null!;
    private IngestionHost _host = null!;
    private Dictionary<string, string?> _settings = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("providers");
        _server = await ReplayServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Ingestion:ProviderOrder:0"] = "yahoo", ["Ingestion:ProviderOrder:1"] = "stooq" };
        foreach (var provider in new[] { "Yahoo", "Stooq", "AlphaVantage", "Tiingo", "Polygon" })
        {
            var prefix = $"Ingestion:Providers:{provider}:";
            settings[prefix + "BaseUrl"] = _server.BaseUrl.AbsoluteUri;
            settings[prefix + "ApiKey"] = provider == "Yahoo" ? null : Secret;
            settings[prefix + "RetryBaseDelay"] = "00:00:00.010";
            settings[prefix + "AttemptTimeout"] = "00:00:02"; // generous: a loaded test machine must not time out a connect
            settings[prefix + "MaxRetryAttempts"] = "2";
            settings[prefix + "RequestsPerSecond"] = "100";
        }

        _settings = settings;
        _host = await IngestionHost.StartAsync(_database.ConnectionString, settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Yahoo_index_chart_is_stored_with_exact_prices_exchange_dates_and_provenance()
    {
        const string fixture = "yahoo/chart_gspc_index_daily_2023-01-03_truncated10.json";
        _server.On(Yahoo, ReplayServer.File(fixture));

        var outcome = await RunAsync("yahoo", "SPX", new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 17));

        outcome.Status.Should().Be(IngestionRunStatus.Succeeded);
        var chart = JsonDocument.Parse(await File.ReadAllTextAsync(ReplayServer.Fixture(fixture))).RootElement.GetProperty("chart").GetProperty("result")[0];
        var closes = chart.GetProperty("indicators").GetProperty("quote")[0].GetProperty("close").EnumerateArray().Select(c => c.GetDouble()).ToList();
        var bars = await BarsAsync("SPX");
        bars.Select(b => b.Close).Should().Equal(closes);
        bars[0].Should().Be((new DateOnly(2023, 1, 3), 3824.139892578125, 3959140000d, ""));
        bars.Select(b => b.Date.DayOfWeek).Should().NotContain([DayOfWeek.Saturday, DayOfWeek.Sunday]);
        bars.Select(b => b.Date).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();

        var batch = await BatchAsync("SPX");
        batch.Should().Be((
            "yahoo", "^GSPC", $"{_server.BaseUrl}v8/finance/chart/%5EGSPC?period1=1672531200&period2=1674000000&interval=1d&events=div%7Csplit",
            Sha256(fixture), "Raw", 10, 10, 0, new DateOnly(2023, 1, 3), new DateOnly(2023, 1, 17)));
    }

    [Fact]
    public async Task Yahoo_null_bar_is_rejected_with_its_reason_and_the_others_get_exchange_local_dates()
    {
        await AddInstrumentAsync("WSU", "stock", "yahoo", "WSU.DE");
        _server.On(Yahoo, ReplayServer.File("yahoo/chart_wsu_de_daily_with_null_bar_2023-08-04_2023-08-08.json"));

        var outcome = await RunAsync("yahoo", "WSU", new DateOnly(2023, 8, 4), new DateOnly(2023, 8, 8));

        (await BarsAsync("WSU")).Select(b => (b.Date, b.Close)).Should().Equal(
            (new DateOnly(2023, 8, 4), 34.45000076293945), (new DateOnly(2023, 8, 8), 33.20000076293945));
        (await RejectedAsync(outcome.RunId)).Should().Equal(("t=1691391600,o=,h=,l=,c=,v=,adj=", "close-not-finite"));
    }

    [Fact]
    public async Task Yahoo_429_with_retry_after_is_retried_after_the_announced_delay_and_the_bar_stored_once()
    {
        _server.On(Yahoo,
            ReplayServer.Text(await File.ReadAllTextAsync(ReplayServer.Fixture("yahoo/error_429_edge_too_many_requests__from_issue_logs.txt")), 429, retryAfter: "1"),
            ReplayServer.File("yahoo/chart_qqq_daily_2020-01-02.json"));
        var stopwatch = Stopwatch.StartNew();

        await RunAsync("yahoo", "QQQ", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 3));

        stopwatch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95), "Retry-After: 1 outranks the 10 ms backoff");
        _server.CountRequests(Yahoo).Should().Be(2);
        (await BarsAsync("QQQ")).Should().Equal((new DateOnly(2020, 1, 2), 216.16000366210938, 30969400d, ""));
    }

    [Fact]
    public async Task Yahoo_429_without_retry_after_500_503_bursts_and_a_connection_reset_are_retried_until_the_recording_arrives()
    {
        _server.On(Yahoo,
            ReplayServer.Text(await File.ReadAllTextAsync(ReplayServer.Fixture("yahoo/error_429_too_many_requests__from_issue_curl.txt")), 429),
            ReplayServer.Text("Internal Server Error", 500),
            ReplayServer.File("yahoo/chart_qqq_daily_2020-01-02.json"));
        await RunAsync("yahoo", "QQQ", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 3));
        _server.On(Yahoo, ReplayServer.Text("Service Unavailable", 503), ReplayServer.Reset(), ReplayServer.File("yahoo/chart_qqq_daily_2020-01-02.json"));
        await RunAsync("yahoo", "QQQ", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 3));

        _server.CountRequests(Yahoo).Should().Be(6);
        (await BarsAsync("QQQ")).Should().Equal((new DateOnly(2020, 1, 2), 216.16000366210938, 30969400d, ""));
        (await _database.ScalarAsync<long>("SELECT count(*) FROM source_batches")).Should().Be(1, "the second, identical answer is no new data version");
    }

    [Fact]
    public async Task Yahoo_error_body_falls_back_to_stooq_whose_key_is_redacted_in_the_stored_url_and_never_logged()
    {
        const string stooqFixture = "stooq/iwm_us_daily_last60.csv";
        _server.On(Yahoo, ReplayServer.File("yahoo/error_404_no_data_found_delisted.json", 404));
        _server.On(Stooq, ReplayServer.File(stooqFixture, contentType: "text/csv"));

        var outcome = await _host.Runner.RunAsync(new IngestionRequest { Trigger = "manual", Symbols = ["IWM"], From = new DateOnly(2026, 2, 1), To = new DateOnly(2026, 5, 5) }, CancellationToken.None);

        outcome!.Status.Should().Be(IngestionRunStatus.Succeeded);
        var rows = (await File.ReadAllLinesAsync(ReplayServer.Fixture(stooqFixture))).Skip(1).Select(l => l.Split(',')).ToList();
        (await BarsAsync("IWM")).Select(b => (b.Date, b.Close, b.Volume)).Should().Equal(rows.Select(r =>
            (DateOnly.Parse(r[0], CultureInfo.InvariantCulture), double.Parse(r[4], CultureInfo.InvariantCulture), (double?)double.Parse(r[5], CultureInfo.InvariantCulture))));
        var batch = await BatchAsync("IWM");
        batch.Provider.Should().Be("stooq");
        batch.PriceKind.Should().Be("Adjusted");
        batch.Url.Should().Be($"{_server.BaseUrl}q/d/l/?s=iwm.us&i=d&d1=20260201&d2=20260505&apikey=REDACTED");
        _server.Requests.Should().Contain(r => r.PathAndQuery.EndsWith("apikey=" + Secret, StringComparison.Ordinal), "the real key is sent");
        (await _database.ScalarAsync<string>($"SELECT provider || ' ' || coalesce(error, '-') FROM ingestion_run_symbols WHERE ingestion_run_id = {outcome.RunId}"))
            .Should().Be("stooq -");
        _host.Logs.Messages.Should().Contain(m => m.Contains("No data found, symbol may be delisted", StringComparison.Ordinal));
        _host.Logs.Messages.Should().NotContain(m => m.Contains(Secret, StringComparison.Ordinal));
        (await _database.ScalarAsync<long>($"SELECT count(*) FROM source_batches WHERE url LIKE '%{Secret}%'")).Should().Be(0);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>stooq</title></head><body>Checking your browser…</body></html>", "text/html")]
    [InlineData("Exceeded the daily hits limit", "text/plain")]
    [InlineData("No data", "text/plain")]
    public async Task Stooq_http_200_refusals_are_failures_and_leave_stored_bars_unchanged(string body, string contentType)
    {
        // No recording of these refusals exists; the bodies follow what Stooq documents and users report.
        _server.On(Stooq, ReplayServer.File("stooq/spx_index_daily_last60.csv", contentType: "text/csv"));
        await RunAsync("stooq", "SPX", new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 7));
        var before = await _database.StoredDataFingerprintAsync();
        _server.On(Stooq, ReplayServer.Text(body, contentType: contentType));

        var outcome = await RunAsync("stooq", "SPX", new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 7), IngestionRunStatus.Failed);

        (await _database.StoredDataFingerprintAsync()).Should().Be(before);
        (await BarsAsync("SPX")).Should().HaveCount(60);
        (await _database.ScalarAsync<string>($"SELECT error FROM ingestion_run_symbols WHERE ingestion_run_id = {outcome.RunId}"))
            .Should().Contain("no 'date,open,high,low,close' header").And.Contain(body[..7]);
    }

    [Fact]
    public async Task Stooq_warning_lines_malformed_numbers_duplicates_and_a_future_date_are_handled_row_by_row()
    {
        // Format as documented by Stooq (CRLF, fractional volume); the faults are injected.
        var body = "Warning: mysql_num_rows() expects parameter 1\r\nDate,Open,High,Low,Close,Volume\r\n"
            + "2026-05-04,250.1,252.3,249.8,251.7,31234567.5\r\n"
            + "2026-05-01,249.0,251.0,248.5,250.2,29876543.25\r\n"
            + "2026-05-05,251.0,25x.0,250.0,252.0,1000\r\n"
            + "2026-04-30,248.0,249.5,247.0,248.9,1000\r\n2026-04-30,248.0,249.5,247.0,249.9,1000\r\n"
            + "2099-01-02,1,1,1,1,1\r\n";
        _server.On(Stooq, ReplayServer.Text(body, contentType: "text/csv"));

        var outcome = await RunAsync("stooq", "IWM", new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 5));

        (await BarsAsync("IWM")).Select(b => (b.Date, b.Close, b.Volume)).Should().Equal(
            (new DateOnly(2026, 5, 1), 250.2, 29876543.25), (new DateOnly(2026, 5, 4), 251.7, 31234567.5));
        (await RejectedAsync(outcome.RunId)).Select(r => r.Reason).Should().BeEquivalentTo(
            ["price-not-finite", "duplicate-date", "duplicate-date", "date-in-future"]);
    }

    [Fact]
    public async Task Alpha_vantage_series_with_an_intraday_key_is_stored_and_its_http_200_notes_and_errors_are_failures()
    {
        const string fixture = "alphavantage/time_series_daily_amzn_compact_2017-08-30_intraday_key.json";
        await AddInstrumentAsync("AMZN", "stock", "alphavantage", "AMZN");
        _server.On(AlphaVantage,
            ReplayServer.File("alphavantage/note_rate_limit_5_per_minute__from_issue.json"),
            ReplayServer.File("alphavantage/error_message_invalid_symbol_time_series_daily_2017.json"),
            ReplayServer.File(fixture));

        var note = await RunAsync("alphavantage", "AMZN", new DateOnly(2017, 1, 1), new DateOnly(2017, 8, 30), IngestionRunStatus.Failed);
        var error = await RunAsync("alphavantage", "AMZN", new DateOnly(2017, 1, 1), new DateOnly(2017, 8, 30), IngestionRunStatus.Failed);
        (await BarsAsync("AMZN")).Should().BeEmpty();
        await RunAsync("alphavantage", "AMZN", new DateOnly(2017, 1, 1), new DateOnly(2017, 8, 30));

        (await _database.ScalarAsync<string>($"SELECT error FROM ingestion_run_symbols WHERE ingestion_run_id = {note.RunId}")).Should().Contain("Alpha Vantage Note: Thank you");
        (await _database.ScalarAsync<string>($"SELECT error FROM ingestion_run_symbols WHERE ingestion_run_id = {error.RunId}")).Should().Contain("Alpha Vantage Error Message: Invalid API call");
        var series = JsonDocument.Parse(await File.ReadAllTextAsync(ReplayServer.Fixture(fixture))).RootElement.GetProperty("Time Series (Daily)");
        var newest = series.EnumerateObject().First();
        newest.Name.Should().Be("2017-08-30 14:55:00");
        var bars = await BarsAsync("AMZN");
        bars.Should().HaveCount(series.EnumerateObject().Count());
        bars[^1].Date.Should().Be(new DateOnly(2017, 8, 30));
        bars[^1].Close.Should().Be(double.Parse(newest.Value.GetProperty("4. close").GetString()!, CultureInfo.InvariantCulture));
        _server.Requests.Last().PathAndQuery.Should().Contain("function=TIME_SERIES_DAILY&symbol=AMZN&outputsize=full&apikey=" + Secret);
    }

    [Fact]
    public async Task Tiingo_prices_are_stored_with_adjusted_close_and_its_detail_error_is_a_failure()
    {
        const string fixture = "tiingo/daily_prices_googl_2018-01-05_2018-01-19.json";
        await AddInstrumentAsync("GOOGL", "stock", "tiingo", "googl");
        _server.On(Tiingo, ReplayServer.File("tiingo/error_403_permission_denied.json", 403), ReplayServer.File(fixture));

        await RunAsync("tiingo", "GOOGL", new DateOnly(2018, 1, 5), new DateOnly(2018, 1, 19), IngestionRunStatus.Failed);
        await RunAsync("tiingo", "GOOGL", new DateOnly(2018, 1, 5), new DateOnly(2018, 1, 19));

        var days = JsonDocument.Parse(await File.ReadAllTextAsync(ReplayServer.Fixture(fixture))).RootElement.EnumerateArray().ToList();
        (await BarsAsync("GOOGL")).Select(b => (b.Date, b.Close, b.Volume)).Should().Equal(days.Select(d =>
            (DateOnly.Parse(d.GetProperty("date").GetString()![..10], CultureInfo.InvariantCulture), d.GetProperty("close").GetDouble(), (double?)d.GetProperty("volume").GetDouble())));
        (await _database.ScalarAsync<double>("SELECT adjusted_close FROM daily_bars WHERE date = '2018-01-05'")).Should().Be(1110.29);
        (await BatchAsync("GOOGL")).Url.Should().EndWith("startDate=2018-01-05&endDate=2018-01-19&token=REDACTED");
    }

    [Fact]
    public async Task Polygon_index_aggregates_without_volume_are_stored_on_new_york_dates_across_next_url_pages()
    {
        const string index = "polygon/aggs_index_ndx_range_1_day_2023-01-01_2023-05-10_raw.json";
        await AddInstrumentAsync("NDX", "index", "polygon", "I:NDX");
        // The recording as page 1 with a next_url (injected) pointing at an empty page 2.
        var page1 = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(ReplayServer.Fixture(index)));
        page1 = page1[..page1.LastIndexOf('}')] + $",\"next_url\":\"{_server.BaseUrl}v2/aggs/ticker/I:NDX/page2?cursor=abc\"}}";
        _server.On(Polygon, ReplayServer.Text(page1, contentType: "application/json"), ReplayServer.Text("""{"ticker":"I:NDX","queryCount":0,"resultsCount":0,"status":"OK"}""", contentType: "application/json"));

        await RunAsync("polygon", "NDX", new DateOnly(2023, 1, 1), new DateOnly(2023, 5, 10));

        var results = JsonDocument.Parse(await File.ReadAllTextAsync(ReplayServer.Fixture(index))).RootElement.GetProperty("results").EnumerateArray().ToList();
        var bars = await BarsAsync("NDX");
        bars.Should().HaveCount(results.Count);
        bars[0].Should().Be((new DateOnly(2023, 2, 22), results[0].GetProperty("c").GetDouble(), null, ""));
        _server.Requests.Last().PathAndQuery.Should().Be("/v2/aggs/ticker/I:NDX/page2?cursor=abc&apiKey=" + Secret);
    }

    [Fact]
    public async Task Polygon_equity_aggregates_keep_volume()
    {
        const string fixture = "polygon/aggs_aapl_range_1_day_2023-01-01_2023-01-10_raw.json";
        await AddInstrumentAsync("AAPL", "stock", "polygon", "AAPL");
        _server.On(Polygon, ReplayServer.File(fixture));

        await RunAsync("polygon", "AAPL", new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 10));

        (await BarsAsync("AAPL")).Select(b => b.Date).Should().Equal(
            new DateOnly(2023, 1, 3), new DateOnly(2023, 1, 4), new DateOnly(2023, 1, 5), new DateOnly(2023, 1, 6), new DateOnly(2023, 1, 9), new DateOnly(2023, 1, 10));
        (await BarsAsync("AAPL"))[0].Should().Be((new DateOnly(2023, 1, 3), 125.07, 112117471d, ""));
    }

    [Fact]
    public async Task Timeouts_and_a_truncated_body_fail_the_symbol_without_storing_anything()
    {
        _server.On(Yahoo, ReplayServer.Hang(TimeSpan.FromSeconds(5)), ReplayServer.Hang(TimeSpan.FromSeconds(5)), ReplayServer.Hang(TimeSpan.FromSeconds(5)));
        var timedOut = await RunAsync("yahoo", "QQQ", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 3), IngestionRunStatus.Failed);
        var truncatedBody = ReplayServer.Truncated("yahoo/chart_msft_range6mo_daily_div_raw.json");
        _server.On(Yahoo, truncatedBody, truncatedBody, truncatedBody);
        var truncated = await RunAsync("yahoo", "QQQ", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 3), IngestionRunStatus.Failed);

        _server.CountRequests(Yahoo).Should().Be(6, "each fault is transient: one attempt and two retries each");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM daily_bars")).Should().Be(0);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM source_batches")).Should().Be(0);
        (await _database.ScalarAsync<string>($"SELECT error FROM ingestion_run_symbols WHERE ingestion_run_id = {timedOut.RunId}")).Should().StartWith("yahoo: ");
        (await _database.ScalarAsync<string>($"SELECT error FROM ingestion_run_symbols WHERE ingestion_run_id = {truncated.RunId}")).Should().StartWith("yahoo: ");
    }

    [Fact]
    public async Task An_incremental_pull_asks_from_the_last_stored_date_minus_the_overlap()
    {
        _server.On(Yahoo, ReplayServer.File("yahoo/chart_qqq_daily_2020-01-02.json"), ReplayServer.File("yahoo/chart_qqq_daily_2020-01-02.json"));
        await RunAsync("yahoo", "QQQ", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 3));

        var outcome = await _host.Runner.RunAsync(
            new IngestionRequest { Trigger = "scheduled", Provider = "yahoo", Symbols = ["QQQ"], To = new DateOnly(2020, 1, 10) }, CancellationToken.None);

        outcome!.Status.Should().Be(IngestionRunStatus.Succeeded);
        // 2020-01-02 minus the default 10-day overlap = 2019-12-23 00:00 UTC.
        _server.Requests.Last().PathAndQuery.Should().Contain("period1=1577059200&period2=1578700800");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM source_batches")).Should().Be(1);
    }

    [Fact]
    public async Task A_spent_daily_quota_fails_fast_and_the_chain_falls_back_to_the_next_provider()
    {
        await using var host = await IngestionHost.StartAsync(_database.ConnectionString, new Dictionary<string, string?>(_settings)
        {
            ["Ingestion:Providers:Yahoo:RequestsPerDay"] = "1",
            ["Ingestion:MaxParallelSymbols"] = "1", // QQQ, then SPY
        });
        _server.On(Yahoo, ReplayServer.File("yahoo/chart_qqq_daily_2020-01-02.json"));
        _server.On(Stooq, ReplayServer.File("stooq/spy_us_daily_full.csv", contentType: "text/csv"));

        var outcome = await host.Runner.RunAsync(
            new IngestionRequest { Trigger = "manual", Symbols = ["QQQ", "SPY"], From = new DateOnly(2020, 1, 1), To = new DateOnly(2026, 5, 5) }, CancellationToken.None);

        outcome!.Status.Should().Be(IngestionRunStatus.Succeeded);
        _server.CountRequests(Yahoo).Should().Be(1, "the second Yahoo request is refused by the client-side daily limit");
        (await _database.QueryAsync($"SELECT symbol, provider FROM ingestion_run_symbols WHERE ingestion_run_id = {outcome.RunId} ORDER BY symbol",
            r => (r.GetString(0), r.GetString(1)))).Should().Equal(("QQQ", "yahoo"), ("SPY", "stooq"));
    }

    [Fact]
    public async Task The_run_deadline_stops_a_run_and_records_it_as_failed()
    {
        await using var host = await IngestionHost.StartAsync(_database.ConnectionString, new Dictionary<string, string?>(_settings)
        {
            ["Ingestion:RunDeadline"] = "00:00:01",
            ["Ingestion:Providers:Yahoo:AttemptTimeout"] = "00:00:30",
        });
        _server.On(Yahoo, ReplayServer.Hang(TimeSpan.FromSeconds(20)));

        var outcome = await host.Runner.RunAsync(
            new IngestionRequest { Trigger = "manual", Provider = "yahoo", Symbols = ["QQQ"], From = new DateOnly(2020, 1, 1), To = new DateOnly(2020, 1, 3) }, CancellationToken.None);

        outcome!.Status.Should().Be(IngestionRunStatus.Failed);
        (await _database.ScalarAsync<string>($"SELECT error FROM ingestion_runs WHERE id = {outcome.RunId}"))
            .Should().Be("run deadline of 00:00:01 exceeded after 0 of 1 instruments");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM daily_bars")).Should().Be(0);
    }

    [Fact]
    public async Task The_circuit_breaker_stops_calling_a_failing_provider_and_its_symbols_fail_without_requests()
    {
        await using var host = await IngestionHost.StartAsync(_database.ConnectionString, new Dictionary<string, string?>(_settings)
        {
            ["Ingestion:Providers:Yahoo:MaxRetryAttempts"] = "0",
            ["Ingestion:MaxParallelSymbols"] = "1",
        });
        _server.On(Yahoo, [.. Enumerable.Repeat(ReplayServer.Text("Service Unavailable", 503), 22)]);

        var outcome = await host.Runner.RunAsync(
            new IngestionRequest { Trigger = "manual", Provider = "yahoo", From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 1, 5) }, CancellationToken.None);

        outcome!.Status.Should().Be(IngestionRunStatus.Failed);
        _server.CountRequests(Yahoo).Should().Be(6, "the breaker opens after 6 calls with ≥ 50 % failures");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM ingestion_run_symbols WHERE error LIKE '%circuit is now open%'")).Should().Be(16);
    }

    [Fact]
    public async Task The_daily_pull_worker_backfills_an_empty_database_on_start_when_enabled()
    {
        // QQQ gets its recording; every other instrument a recorded valid answer without bars.
        _server.On(Yahoo + "QQQ", ReplayServer.File("yahoo/chart_qqq_daily_2020-01-02.json"));
        _server.On(Yahoo, [.. Enumerable.Repeat(ReplayServer.File("yahoo/chart_vxapl_index_no_bars.json"), 21)]);
        await using var host = await IngestionHost.StartAsync(_database.ConnectionString, new Dictionary<string, string?>(_settings)
        {
            ["Ingestion:Schedule:Enabled"] = "true",
            ["Ingestion:ProviderOrder:1"] = null,
            ["Ingestion:Providers:Yahoo:MaxRetryAttempts"] = "0",
        });

        for (var i = 0; i < 100 && await _database.ScalarAsync<string>("SELECT status FROM ingestion_runs WHERE trigger = 'backfill'") is null or "running"; i++)
        {
            await Task.Delay(100);
        }

        (await _database.ScalarAsync<string>("SELECT status FROM ingestion_runs WHERE trigger = 'backfill'")).Should().Be(IngestionRunStatus.Succeeded,
            await _database.ScalarAsync<string>("SELECT coalesce(r.error, '') || ' ' || coalesce(string_agg(s.symbol || ':' || coalesce(s.error, '-'), '; '), '') FROM ingestion_runs r LEFT JOIN ingestion_run_symbols s ON s.ingestion_run_id = r.id GROUP BY r.id"));
        (await _database.ScalarAsync<long>("SELECT count(*) FROM ingestion_run_symbols")).Should().Be(22);
        (await BarsAsync("QQQ")).Should().Equal((new DateOnly(2020, 1, 2), 216.16000366210938, 30969400d, ""));
        _server.Requests.Should().OnlyContain(r => r.PathAndQuery.StartsWith(Yahoo, StringComparison.Ordinal) && r.PathAndQuery.Contains("period1=631152000", StringComparison.Ordinal),
            "every instrument is asked from the backfill start 1990-01-01");
        _server.CountRequests(Yahoo).Should().Be(22);
    }

    private async Task<IngestionRunOutcome> RunAsync(string provider, string symbol, DateOnly from, DateOnly to, string expected = IngestionRunStatus.Succeeded)
    {
        var outcome = await _host.Runner.RunAsync(
            new IngestionRequest { Trigger = "manual", Provider = provider, Symbols = [symbol], From = from, To = to }, CancellationToken.None);
        outcome!.Status.Should().Be(expected);
        return outcome;
    }

    private Task<List<(DateOnly Date, double Close, double? Volume, string Flags)>> BarsAsync(string symbol) => _database.QueryAsync(
        $"SELECT date, close, volume, array_to_string(flags, '|') FROM daily_bars d JOIN instruments i ON i.id = d.instrument_id WHERE i.symbol = '{symbol}' ORDER BY date",
        r => (r.GetFieldValue<DateOnly>(0), r.GetDouble(1), r.IsDBNull(2) ? (double?)null : r.GetDouble(2), r.GetString(3)));

    private async Task<(string Provider, string ProviderSymbol, string Url, string Sha, string PriceKind, int Received, int Stored, int Rejected, DateOnly First, DateOnly Last)> BatchAsync(string symbol) =>
        (await _database.QueryAsync(
            $"SELECT provider, provider_symbol, url, content_sha256, price_kind, rows_received, rows_stored, rows_rejected, first_date, last_date FROM source_batches b JOIN instruments i ON i.id = b.instrument_id WHERE i.symbol = '{symbol}' ORDER BY b.id DESC LIMIT 1",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetFieldValue<DateOnly>(8), r.GetFieldValue<DateOnly>(9)))).Single();

    private Task<List<(string RawRow, string Reason)>> RejectedAsync(long runId) => _database.QueryAsync(
        $"SELECT raw_row, reason FROM rejected_bars WHERE ingestion_run_id = {runId} ORDER BY id", r => (r.GetString(0), r.GetString(1)));

    private Task<int> AddInstrumentAsync(string symbol, string kind, string provider, string providerSymbol) => _database.ScalarAsync<int>(
        $"""
        INSERT INTO instruments (symbol, name, kind, currency, groups, aliases) VALUES ('{symbol}', '{symbol}', '{kind}', 'USD', ARRAY[]::text[], ARRAY[]::text[]);
        INSERT INTO provider_symbols (instrument_id, provider, symbol) SELECT id, '{provider}', '{providerSymbol}' FROM instruments WHERE symbol = '{symbol}';
        SELECT 1
        """);

    private static string Sha256(string fixture) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(ReplayServer.Fixture(fixture))));
}
