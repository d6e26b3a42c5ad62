using System.Globalization;
using System.Net;
using System.Text.Json;

namespace RotationAnalytics.Api.Tests;

/// <summary>
/// /performance, /streaks/aftermath, /correlation and the /rotation defaults on the real shared market data, against
/// figures computed independently of the production code with pandas 1.5.3 (Debian, /usr/bin/python3) by this script,
/// run once by hand (output quoted next to each assertion):
/// <code>
/// import pandas as pd, numpy as np
/// load = lambda s: pd.read_csv(f'../shared/data/market/{s}.csv', parse_dates=['date']).set_index('date')['close']
/// # /performance: each instrument on its own dates; E = last date ≤ asOf; base = last close ≤ limit
/// def perf(s, asof, code):
///     c = load(s); c = c[c.index &lt;= asof]; E = c.index[-1]
///     lim = {'1M': E - pd.DateOffset(months=1), 'YTD': pd.Timestamp(E.year, 1, 1) - pd.Timedelta(days=1),
///            '1Y': E - pd.DateOffset(years=1), '10Y': E - pd.DateOffset(years=10)}[code]
///     b = c[c.index &lt;= lim]
///     if b.empty: return E, c.iloc[-1], None, None, None
///     return E, c.iloc[-1], b.index[-1].date(), b.iloc[-1], c.iloc[-1] / b.iloc[-1] - 1
/// for s in ['XLK', 'XLU', 'SPY']:
///     for h in ['1M', 'YTD', '1Y']: print('perf', s, h, *perf(s, '2026-01-22', h))
/// secs = ['XLB','XLC','XLE','XLF','XLI','XLK','XLP','XLRE','XLU','XLV','XLY']
/// r10 = pd.Series({s: perf(s, '2026-01-22', '10Y')[4] for s in secs}, dtype=float)
/// print('10Y rank', r10.rank(method='min', ascending=False).to_dict(), (1 + r10['XLK']) ** 0.1 - 1)
/// # /streaks/aftermath: inner-join RUT/SPX up to asOf; streaks = runs of equal non-zero sign(rA − rB); the only
/// #   outperform runs ≥ 14 are 1996-04-16..05-07 (16) and the current 2026-01-02..01-22 (14)
/// a, b = load('RUT'), load('SPX'); j = pd.concat([a, b], axis=1, join='inner', keys=['a', 'b'])
/// j = j[j.index &lt;= '2026-01-22']; e = j.index.get_loc(pd.Timestamp('1996-05-07'))
/// for h in [5, 21, 63, 126]:
///     fa = j.a.iloc[e + h] / j.a.iloc[e] - 1; fb = j.b.iloc[e + h] / j.b.iloc[e] - 1
///     print('aftermath', h, j.index[e + h].date(), fa, fb, fa - fb)
/// s = j.index.get_loc(pd.Timestamp('1996-04-16'))
/// print('event cum', (j.a.iloc[e] / j.a.iloc[s - 1] - 1) - (j.b.iloc[e] / j.b.iloc[s - 1] - 1))
/// # /correlation: IWM/SPY inner join, pct_change, returns dated in 2025; rolling(63) corr and cov/var
/// a, b = load('IWM'), load('SPY'); j = pd.concat([a, b], axis=1, join='inner', keys=['a', 'b'])
/// r = j.pct_change().dropna(); w = r['2025-01-01':'2025-12-31']
/// print('corr', len(w), w.a.corr(w.b), w.a.cov(w.b) / w.b.var())
/// rc = r.a.rolling(63).corr(r.b); rb = r.a.rolling(63).cov(r.b) / r.b.rolling(63).var()
/// for d in ['2025-01-02', '2025-04-08', '2025-12-31']: print('rolling', d, rc[d], rb[d])
/// # /rotation defaults: last common date of each ISO week, rs = 100·a/b, ratio = 100 + z(rs, 52, ddof=0),
/// #   roc = 100·(ratio/ratio.shift(5) − 1), momentum = 100 + z(roc, 13, ddof=0)
/// def rot(sym, asof):
///     j = pd.concat([load(sym), load('SPY')], axis=1, join='inner', keys=['a', 'b']); j = j[j.index &lt;= asof]
///     iso = j.index.isocalendar(); j = j.groupby((iso.year * 100 + iso.week).values).tail(1)
///     rs = 100 * j.a / j.b; ratio = 100 + (rs - rs.rolling(52).mean()) / rs.rolling(52).std(ddof=0)
///     roc = 100 * (ratio / ratio.shift(5) - 1)
///     return pd.DataFrame({'ratio': ratio, 'mom': 100 + (roc - roc.rolling(13).mean()) / roc.rolling(13).std(ddof=0)}).dropna()
/// print(rot('XLB', '2026-01-23').tail(3), rot('XLU', '2026-01-23').tail(1))
/// </code>
/// </summary>
[Collection(MarketDataCollection.Name)]
public sealed class Wave2EndpointTests(MarketDataApi api)
{
    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<string[]> GetCsvLinesAsync(string url)
    {
        var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        return body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<JsonElement> GetProblemAsync(string url, HttpStatusCode status)
    {
        var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Performance_of_technology_and_utilities_against_SPY_as_of_22_January_2026()
    {
        var json = await GetJsonAsync("/performance?symbols=XLK,xlu&benchmark=SPY&asOf=2026-01-22&horizons=1M,ytd,1Y");

        json.GetProperty("benchmark").GetString().Should().Be("SPY");
        json.GetProperty("asOf").GetString().Should().Be("2026-01-22");
        json.GetProperty("returnType").GetString().Should().Be("price");
        json.GetProperty("horizons").EnumerateArray().Select(h => h.GetString()).Should().Equal("1M", "YTD", "1Y");
        var rows = json.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("symbol").GetString()!);
        rows.Keys.Should().Equal("XLK", "XLU");

        // pandas: perf XLK 1M 2026-01-22 144.88 2025-12-22 145.16 -0.0019289060347202902
        //         perf XLK YTD ... 2025-12-31 143.97 0.00632076126970893; perf XLK 1Y ... 2025-01-22 120.695 0.20038112597870672
        var xlk = rows["XLK"];
        xlk.GetProperty("endDate").GetString().Should().Be("2026-01-22");
        xlk.GetProperty("endPrice").GetDouble().Should().Be(144.88);
        var xlkReturns = xlk.GetProperty("returns");
        xlkReturns.EnumerateObject().Select(p => p.Name).Should().Equal("1M", "YTD", "1Y");
        AssertCell(xlkReturns.GetProperty("1M"), "2025-12-22", 145.16, -0.0019289060347202902, 0.006059898076894887, rank: 2);
        AssertCell(xlkReturns.GetProperty("YTD"), "2025-12-31", 143.97, 0.00632076126970893, 0.010353120600657073, rank: 1);
        AssertCell(xlkReturns.GetProperty("1Y"), "2025-01-22", 120.695, 0.20038112597870672, 0.1361057977705955, rank: 1);
        xlkReturns.GetProperty("1M").GetProperty("annualized").ValueKind.Should().Be(JsonValueKind.Null);
        xlkReturns.GetProperty("1M").GetProperty("baseLimit").GetString().Should().Be("2025-12-22");
        xlkReturns.GetProperty("YTD").GetProperty("baseLimit").GetString().Should().Be("2025-12-31");
        // Over exactly one year the annualized return is the return itself.
        xlkReturns.GetProperty("1Y").GetProperty("annualized").GetDouble().Should().BeApproximately(0.20038112597870672, 1e-15);

        // pandas: perf XLU 1M ... 2025-12-22 42.47 0.005651047798445941; YTD 2025-12-31 42.69 0.00046849379245728073;
        //         1Y 2025-01-22 39.16 0.09065372829417795; SPY 1M 0.006059898076894887 YTD 0.010353120600657073 1Y 0.1361057977705955
        var xluReturns = rows["XLU"].GetProperty("returns");
        AssertCell(xluReturns.GetProperty("1M"), "2025-12-22", 42.47, 0.005651047798445941, 0.006059898076894887, rank: 1);
        AssertCell(xluReturns.GetProperty("YTD"), "2025-12-31", 42.69, 0.00046849379245728073, 0.010353120600657073, rank: 2);
        AssertCell(xluReturns.GetProperty("1Y"), "2025-01-22", 39.16, 0.09065372829417795, 0.1361057977705955, rank: 2);

        var spy = json.GetProperty("benchmarkPerformance");
        spy.GetProperty("endPrice").GetDouble().Should().Be(688.98);
        spy.GetProperty("returns").GetProperty("1M").GetProperty("baseDate").GetString().Should().Be("2025-12-22");
        spy.GetProperty("returns").GetProperty("1M").GetProperty("basePrice").GetDouble().Should().Be(684.83);
        json.GetProperty("methodology").GetString().Should().Contain("returnType=price").And.Contain("dividends");
        EndpointValueTests.AssertCitationsResolve(json, xlk, "XLK", "SPY");
    }

    [Fact]
    public async Task Performance_of_a_group_leaves_a_horizon_without_history_null_with_the_reason_and_unranked()
    {
        var json = await GetJsonAsync("/performance?group=us-sectors&asOf=2026-01-22&horizons=10Y");

        // pandas: 10Y rank XLK 1, XLI 2, XLY 3, XLF 4, XLB 5, XLV 6, XLU 7, XLE 8, XLP 9, XLRE 10, XLC NaN;
        //         XLK 10Y 6.17582961862308, annualized 0.2178315242968638; XLC's first bar 2018-06-19
        var rows = json.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("symbol").GetString()!, r => r.GetProperty("returns").GetProperty("10Y"));
        rows.Should().HaveCount(11);
        rows.Where(r => r.Value.GetProperty("rank").ValueKind == JsonValueKind.Number)
            .OrderBy(r => r.Value.GetProperty("rank").GetInt32()).Select(r => r.Key)
            .Should().Equal("XLK", "XLI", "XLY", "XLF", "XLB", "XLV", "XLU", "XLE", "XLP", "XLRE");
        rows["XLK"].GetProperty("return").GetDouble().Should().BeApproximately(6.17582961862308, 1e-13);
        rows["XLK"].GetProperty("annualized").GetDouble().Should().BeApproximately(0.2178315242968638, 1e-15);
        var xlc = rows["XLC"];
        xlc.GetProperty("return").ValueKind.Should().Be(JsonValueKind.Null);
        xlc.GetProperty("baseDate").ValueKind.Should().Be(JsonValueKind.Null);
        xlc.GetProperty("rank").ValueKind.Should().Be(JsonValueKind.Null);
        xlc.GetProperty("unavailable").GetString().Should().Be("10Y needs a close on or before 2016-01-22; the first stored bar is 2018-06-19.");
        xlc.GetProperty("benchmarkReturn").GetDouble().Should().BeGreaterThan(0, "the benchmark's return is given even where the member's is not");
    }

    [Fact]
    public async Task Performance_as_csv_has_one_row_per_symbol_and_horizon()
    {
        var lines = await GetCsvLinesAsync("/performance?symbols=XLK,XLU&asOf=2026-01-22&horizons=1M,YTD,1Y&format=csv");

        lines[0].Should().Be("symbol,horizon,benchmark,returnType,endDate,endPrice,baseLimit,baseDate,basePrice,return,annualized,benchmarkReturn,excessReturn,rank,unavailable,sourceIds");
        lines.Should().HaveCount(1 + 6);
        var xlkYtd = lines[2].Split(',');
        xlkYtd[..9].Should().Equal("XLK", "YTD", "SPY", "price", "2026-01-22", "144.88", "2025-12-31", "2025-12-31", "143.97");
        double.Parse(xlkYtd[9], CultureInfo.InvariantCulture).Should().BeApproximately(0.00632076126970893, 1e-15);
        xlkYtd[13].Should().Be("1");
        xlkYtd[15].Split(';').Should().HaveCount(2, "the XLK and SPY batches");
    }

    /// <summary>
    /// The shared CSV files carry neither dividends nor adjusted closes (SOURCES.md: raw, not dividend-adjusted), so every
    /// endpoint with a return type refuses a total return there, naming the first instrument without the information.
    /// </summary>
    [Theory]
    [InlineData("/performance?symbols=XLK,XLU&returnType=total", "SPY")] // the benchmark (default SPY) is checked first: every excess rests on it
    [InlineData("/relative-performance?symbols=IWM&benchmark=SPY&from=2025-01-01&to=2025-12-31&returnType=total", "IWM")]
    [InlineData("/streaks?symbol=RUT&benchmark=SPX&asOf=2026-01-22&returnType=total", "RUT")]
    [InlineData("/streaks/aftermath?symbol=IWM&benchmark=SPY&asOf=2026-01-22&returnType=total", "IWM")]
    [InlineData("/correlation?symbols=SPY&benchmark=IWM&from=2025-01-01&to=2025-12-31&returnType=TOTAL", "SPY")]
    public async Task Total_return_on_data_without_dividend_information_is_a_422_naming_the_instrument(string url, string instrument)
    {
        var problem = await GetProblemAsync(url, HttpStatusCode.UnprocessableEntity);

        problem.GetProperty("parameter").GetString().Should().Be("returnType");
        problem.GetProperty("detail").GetString().Should().Contain($"no dividend information for {instrument} ").And.Contain("returnType=price");
    }

    [Fact]
    public async Task Performance_names_an_unknown_horizon_code()
    {
        var problem = await GetProblemAsync("/performance?symbols=XLK&horizons=1M,2M", HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty("horizons")[0].GetString().Should().Contain("'2M'");
    }

    [Fact]
    public async Task Aftermath_of_the_Russell_2000s_14_day_run_is_the_16_day_run_of_1996()
    {
        var json = await GetJsonAsync("/streaks/aftermath?symbol=RUT&benchmark=SPX&asOf=2026-01-22");

        // Defaults: the current streak's direction and length, horizons 5, 21, 63, 126.
        json.GetProperty("direction").GetString().Should().Be("outperform");
        json.GetProperty("minLength").GetInt32().Should().Be(14);
        json.GetProperty("horizons").EnumerateArray().Select(h => h.GetInt32()).Should().Equal(5, 21, 63, 126);
        json.GetProperty("current").GetProperty("length").GetInt32().Should().Be(14);
        json.GetProperty("current").GetProperty("startDate").GetString().Should().Be("2026-01-02");
        json.GetProperty("totalEvents").GetInt32().Should().Be(1);
        var e = json.GetProperty("events").EnumerateArray().Single();
        // pandas: event cum 0.042983376273442175
        (e.GetProperty("startDate").GetString(), e.GetProperty("endDate").GetString(), e.GetProperty("length").GetInt32())
            .Should().Be(("1996-04-16", "1996-05-07", 16));
        e.GetProperty("cumulativeExcessReturn").GetDouble().Should().BeApproximately(0.042983376273442175, 1e-15);

        // pandas: aftermath 5 1996-05-14 0.034137591853266036 0.04283520822235465 -0.008697616369088612
        //         aftermath 21 1996-06-06 0.04492854249840872 0.054476232256447155 -0.009547689758038436
        //         aftermath 63 1996-08-06 -0.05890181102817804 0.03779024222103855 -0.09669205324921659
        //         aftermath 126 1996-11-04 -0.016634843487820405 0.10727603171121491 -0.12391087519903532
        var forward = e.GetProperty("forward");
        AssertForward(forward.GetProperty("5"), "1996-05-14", 0.034137591853266036, 0.04283520822235465, -0.008697616369088612);
        AssertForward(forward.GetProperty("21"), "1996-06-06", 0.04492854249840872, 0.054476232256447155, -0.009547689758038436);
        AssertForward(forward.GetProperty("63"), "1996-08-06", -0.05890181102817804, 0.03779024222103855, -0.09669205324921659);
        AssertForward(forward.GetProperty("126"), "1996-11-04", -0.016634843487820405, 0.10727603171121491, -0.12391087519903532);

        // One event: count 1, mean = median = min = max = its excess; it underperformed, share 0.
        var summary = json.GetProperty("summary").GetProperty("126");
        summary.GetProperty("count").GetInt32().Should().Be(1);
        foreach (var figure in new[] { "meanExcessReturn", "medianExcessReturn", "minExcessReturn", "maxExcessReturn" })
        {
            summary.GetProperty(figure).GetDouble().Should().BeApproximately(-0.12391087519903532, 1e-15, figure);
        }

        summary.GetProperty("shareOutperforming").GetDouble().Should().Be(0);
        summary.GetProperty("meanReturn").GetDouble().Should().BeApproximately(-0.016634843487820405, 1e-15);
        json.GetProperty("commonDates").GetProperty("last").GetString().Should().Be("2026-01-22");
        EndpointValueTests.AssertCitationsResolve(json, e, "RUT", "SPX");
        EndpointValueTests.AssertCitationsResolve(json, json, "RUT", "SPX");
    }

    [Fact]
    public async Task Aftermath_as_of_a_date_soon_after_the_event_leaves_later_horizons_null()
    {
        var json = await GetJsonAsync("/streaks/aftermath?symbol=RUT&benchmark=SPX&asOf=1996-06-28&direction=outperform&minLength=14&horizons=21,63");

        var e = json.GetProperty("events").EnumerateArray().Single();
        e.GetProperty("endDate").GetString().Should().Be("1996-05-07");
        AssertForward(e.GetProperty("forward").GetProperty("21"), "1996-06-06", 0.04492854249840872, 0.054476232256447155, -0.009547689758038436);
        e.GetProperty("forward").GetProperty("63").ValueKind.Should().Be(JsonValueKind.Null, "1996-08-06 is after asOf and is never filled in");
        json.GetProperty("summary").GetProperty("21").GetProperty("count").GetInt32().Should().Be(1);
        json.GetProperty("summary").GetProperty("63").GetProperty("count").GetInt32().Should().Be(0);
        json.GetProperty("summary").GetProperty("63").GetProperty("meanExcessReturn").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Aftermath_as_csv_has_one_row_per_event_and_horizon()
    {
        var lines = await GetCsvLinesAsync("/streaks/aftermath?symbol=RUT&benchmark=SPX&asOf=2026-01-22&format=csv");

        lines[0].Should().Be("direction,startDate,endDate,length,cumulativeExcessReturn,horizon,forwardDate,return,benchmarkReturn,excessReturn,sourceIds");
        lines.Should().HaveCount(1 + 4);
        var last = lines[4].Split(',');
        last[..4].Should().Equal("outperform", "1996-04-16", "1996-05-07", "16");
        (last[5], last[6]).Should().Be(("126", "1996-11-04"));
        double.Parse(last[9], CultureInfo.InvariantCulture).Should().BeApproximately(-0.12391087519903532, 1e-15);
        last[10].Split(';').Should().HaveCount(2);
    }

    [Fact]
    public async Task Correlation_and_beta_of_small_caps_against_SPY_in_2025()
    {
        var json = await GetJsonAsync("/correlation?symbols=IWM&benchmark=SPY&from=2025-01-01&to=2025-12-31&window=63");

        json.GetProperty("window").GetInt32().Should().Be(63);
        var iwm = json.GetProperty("results").EnumerateArray().Single();
        // pandas: corr 250 0.8772871139640487 1.0296419509623755 (returns 2025-01-02 .. 2025-12-31)
        iwm.GetProperty("symbol").GetString().Should().Be("IWM");
        iwm.GetProperty("returns").GetInt32().Should().Be(250);
        iwm.GetProperty("firstReturnDate").GetString().Should().Be("2025-01-02");
        iwm.GetProperty("lastReturnDate").GetString().Should().Be("2025-12-31");
        iwm.GetProperty("correlation").GetDouble().Should().BeApproximately(0.8772871139640487, 1e-12);
        iwm.GetProperty("beta").GetDouble().Should().BeApproximately(1.0296419509623755, 1e-12);

        // pandas: rolling 2025-01-02 0.7988902631894795 1.3611435280771005 (the window reaches back into 2024)
        //         rolling 2025-04-08 0.9210641464279378 1.0310773240296343; rolling 2025-12-31 0.8340074169068701 1.336252263445269
        var series = iwm.GetProperty("series").EnumerateArray().ToDictionary(p => p.GetProperty("date").GetString()!);
        series.Should().HaveCount(250);
        AssertPoint(series["2025-01-02"], 0.7988902631894795, 1.3611435280771005);
        AssertPoint(series["2025-04-08"], 0.9210641464279378, 1.0310773240296343);
        AssertPoint(series["2025-12-31"], 0.8340074169068701, 1.336252263445269);
        EndpointValueTests.AssertCitationsResolve(json, iwm, "IWM", "SPY");
    }

    [Fact]
    public async Task Correlation_series_is_null_until_a_full_window_of_returns_exists()
    {
        // XLC's first bar is 2018-06-19: its first return is dated 2018-06-20, so a 63-return window first fills 62 returns later.
        var json = await GetJsonAsync("/correlation?symbols=XLC&benchmark=SPY&from=2018-06-01&to=2018-12-31&window=63");

        var series = json.GetProperty("results")[0].GetProperty("series").EnumerateArray().ToList();
        series[0].GetProperty("date").GetString().Should().Be("2018-06-20");
        series.TakeWhile(p => p.GetProperty("correlation").ValueKind == JsonValueKind.Null).Should().HaveCount(62);
        series[62].GetProperty("beta").ValueKind.Should().Be(JsonValueKind.Number);
    }

    [Fact]
    public async Task Correlation_as_csv_has_the_series_rows()
    {
        var lines = await GetCsvLinesAsync("/correlation?symbols=IWM&benchmark=SPY&from=2025-01-01&to=2025-12-31&format=csv");

        lines[0].Should().Be("symbol,date,correlation,beta,sourceIds");
        lines.Should().HaveCount(1 + 250);
        var last = lines[^1].Split(',');
        (last[0], last[1]).Should().Be(("IWM", "2025-12-31"));
        double.Parse(last[2], CultureInfo.InvariantCulture).Should().BeApproximately(0.8340074169068701, 1e-12);
        double.Parse(last[3], CultureInfo.InvariantCulture).Should().BeApproximately(1.336252263445269, 1e-12);
        last[4].Split(';').Should().HaveCount(2);
    }

    [Fact]
    public async Task Rotation_defaults_are_weekly_52_13_with_a_5_week_momentum_lag()
    {
        var json = await GetJsonAsync("/rotation?benchmark=SPY&symbols=XLB,XLU&asOf=2026-01-23&tail=3");

        json.GetProperty("interval").GetString().Should().Be("week");
        json.GetProperty("ratioWindow").GetInt32().Should().Be(52);
        json.GetProperty("momentumWindow").GetInt32().Should().Be(13);
        json.GetProperty("momentumLag").GetInt32().Should().Be(5);
        json.GetProperty("methodology").GetString().Should().Contain("ISO week").And.Contain("52 weeks").And.Contain("over 5 weeks").And.Contain("13 weeks");

        // pandas: XLB 2026-01-09 99.61451807145295 101.66124182215029; 2026-01-16 99.84752041784652 101.03735582569492;
        //         2026-01-23 100.3945088629468 101.35710426435928; XLU 2026-01-23 98.23136497615026 101.06473080719708
        var items = json.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("symbol").GetString()!);
        var xlb = items["XLB"];
        var latest = xlb.GetProperty("latest");
        latest.GetProperty("date").GetString().Should().Be("2026-01-23");
        latest.GetProperty("rsRatio").GetDouble().Should().BeApproximately(100.3945088629468, 1e-8);
        latest.GetProperty("rsMomentum").GetDouble().Should().BeApproximately(101.35710426435928, 1e-8);
        latest.GetProperty("quadrant").GetString().Should().Be("leading");
        var tail = xlb.GetProperty("tail").EnumerateArray().ToList();
        tail.Select(p => p.GetProperty("date").GetString()).Should().Equal("2026-01-09", "2026-01-16", "2026-01-23");
        tail[0].GetProperty("rsRatio").GetDouble().Should().BeApproximately(99.61451807145295, 1e-8);
        tail[0].GetProperty("rsMomentum").GetDouble().Should().BeApproximately(101.66124182215029, 1e-8);
        tail[0].GetProperty("quadrant").GetString().Should().Be("improving");
        var xlu = items["XLU"].GetProperty("latest");
        xlu.GetProperty("rsRatio").GetDouble().Should().BeApproximately(98.23136497615026, 1e-8);
        xlu.GetProperty("rsMomentum").GetDouble().Should().BeApproximately(101.06473080719708, 1e-8);
        xlu.GetProperty("quadrant").GetString().Should().Be("improving");
        EndpointValueTests.AssertCitationsResolve(json, xlb, "XLB", "SPY");
    }

    private static void AssertCell(JsonElement cell, string baseDate, double basePrice, double value, double benchmarkReturn, int rank)
    {
        cell.GetProperty("baseDate").GetString().Should().Be(baseDate);
        cell.GetProperty("basePrice").GetDouble().Should().Be(basePrice);
        cell.GetProperty("return").GetDouble().Should().BeApproximately(value, 1e-15);
        cell.GetProperty("benchmarkReturn").GetDouble().Should().BeApproximately(benchmarkReturn, 1e-15);
        cell.GetProperty("excessReturn").GetDouble().Should().BeApproximately(value - benchmarkReturn, 1e-15);
        cell.GetProperty("rank").GetInt32().Should().Be(rank);
        cell.GetProperty("unavailable").ValueKind.Should().Be(JsonValueKind.Null);
    }

    private static void AssertForward(JsonElement forward, string date, double value, double benchmarkReturn, double excess)
    {
        forward.GetProperty("date").GetString().Should().Be(date);
        forward.GetProperty("return").GetDouble().Should().BeApproximately(value, 1e-15);
        forward.GetProperty("benchmarkReturn").GetDouble().Should().BeApproximately(benchmarkReturn, 1e-15);
        forward.GetProperty("excessReturn").GetDouble().Should().BeApproximately(excess, 1e-15);
    }

    private static void AssertPoint(JsonElement point, double correlation, double beta)
    {
        point.GetProperty("correlation").GetDouble().Should().BeApproximately(correlation, 1e-12);
        point.GetProperty("beta").GetDouble().Should().BeApproximately(beta, 1e-12);
    }
}
