using System.Text.Json;

namespace RotationAnalytics.Api.Tests;

/// <summary>
/// End-to-end values on the real shared market data, against expectations computed independently of the production
/// code with pandas 1.5.3 (Debian, /usr/bin/python3) by this script, run once by hand (output pasted below):
/// <code>
/// import pandas as pd, numpy as np
/// load = lambda s: pd.read_csv(f'../shared/data/market/{s}.csv', parse_dates=['date']).set_index('date')
/// # streaks: inner-join RUT/SPX closes up to asOf, r = pct_change, sign of rA − rB (0 on exact ties), runs of equal
/// #   non-zero sign; cumulative excess = CA(e)/CA(s−1) − CB(e)/CB(s−1); avg = mean(rA − rB) over the run
/// # relative performance: base = last close before from, end = last close ≤ to, daily stats over the window days
/// # RSI: Wilder loop over np.diff(closes) (SMA seed of the first 14 changes, then (prev·13 + x)/14)
/// # records: close > cummax().shift(1); breadth: end/base − 1 per XL*, np.std(ddof=0), equal-weight super-sectors
/// # rotation: rs = 100·a/b; ratio = 100 + (rs − rolling(63).mean())/rolling(63).std(ddof=0);
/// #   roc = 100·(ratio/ratio.shift(1) − 1); momentum = 100 + z-score of roc over rolling(21), ddof=0
/// </code>
/// </summary>
[Collection(MarketDataCollection.Name)]
public sealed class EndpointValueTests(MarketDataApi api)
{
    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Streaks_of_the_Russell_2000_against_the_SP500_in_January_2026()
    {
        var json = await GetJsonAsync("/streaks?symbol=RUT&benchmark=SPX&asOf=2026-01-22&minLength=10&pageSize=2");

        // pandas: current 1 14 2026-01-02 2026-01-22 0.08552294373601521 0.0058316027316948306 rank 2 prev 16 1996-04-16 1996-05-07
        var current = json.GetProperty("current");
        current.GetProperty("direction").GetString().Should().Be("outperform");
        current.GetProperty("length").GetInt32().Should().Be(14);
        current.GetProperty("startDate").GetString().Should().Be("2026-01-02");
        current.GetProperty("endDate").GetString().Should().Be("2026-01-22");
        current.GetProperty("cumulativeExcessReturn").GetDouble().Should().BeApproximately(0.08552294373601521, 1e-12);
        current.GetProperty("averageDailyExcessReturn").GetDouble().Should().BeApproximately(0.0058316027316948306, 1e-12);
        current.GetProperty("rank").GetInt32().Should().Be(2);
        current.GetProperty("isRecord").GetBoolean().Should().BeFalse();
        current.GetProperty("tiesRecord").GetBoolean().Should().BeFalse();
        var previous = current.GetProperty("previousAtLeastAsLong");
        (previous.GetProperty("length").GetInt32(), previous.GetProperty("startDate").GetString(), previous.GetProperty("endDate").GetString())
            .Should().Be((16, "1996-04-16", "1996-05-07"));
        // pandas: record 1 16 1996-04-16 1996-05-07; record -1 13 2021-11-12 2021-12-01; >=10: 11
        var records = json.GetProperty("records");
        records.GetProperty("outperform").GetProperty("startDate").GetString().Should().Be("1996-04-16");
        records.GetProperty("underperform").GetProperty("length").GetInt32().Should().Be(13);
        records.GetProperty("underperform").GetProperty("startDate").GetString().Should().Be("2021-11-12");
        var history = json.GetProperty("history");
        history.GetProperty("total").GetInt32().Should().Be(11);
        history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("length").GetInt32()).Should().Equal(16, 14);
        json.GetProperty("commonDates").GetProperty("last").GetString().Should().Be("2026-01-22");
        json.GetProperty("commonDates").GetProperty("skipped").GetInt32().Should().Be(0);
        AssertCitationsResolve(json, current, "RUT", "SPX");
    }

    [Fact]
    public async Task Relative_performance_year_to_date_2026_against_SPY()
    {
        var json = await GetJsonAsync("/relative-performance?symbols=qqq,IWM,SPY&benchmark=spy&from=2026-01-01&to=2026-01-23&rsLine=true");

        json.GetProperty("benchmark").GetString().Should().Be("SPY");
        var results = json.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("symbol").GetString()!);
        results.Keys.Should().Equal("QQQ", "IWM", "SPY");
        // pandas: rp IWM 0.07576373090672739 0.010719732519943737 0.06504399838678365 0.06435413922771138 15 0.004192780877283379 14
        var iwm = results["IWM"];
        iwm.GetProperty("base").GetProperty("date").GetString().Should().Be("2025-12-31");
        iwm.GetProperty("base").GetProperty("price").GetDouble().Should().Be(246.16);
        iwm.GetProperty("end").GetProperty("price").GetDouble().Should().Be(264.81);
        iwm.GetProperty("return").GetDouble().Should().BeApproximately(0.07576373090672739, 1e-15);
        iwm.GetProperty("benchmarkReturn").GetDouble().Should().BeApproximately(0.010719732519943737, 1e-15);
        iwm.GetProperty("excessReturn").GetDouble().Should().BeApproximately(0.06504399838678365, 1e-15);
        iwm.GetProperty("ratioReturn").GetDouble().Should().BeApproximately(0.06435413922771138, 1e-15);
        iwm.GetProperty("tradingDays").GetInt32().Should().Be(15);
        iwm.GetProperty("averageDailyExcessReturn").GetDouble().Should().BeApproximately(0.004192780877283379, 1e-15);
        iwm.GetProperty("outperformingDays").GetInt32().Should().Be(14);
        iwm.GetProperty("outperformingShare").GetDouble().Should().BeApproximately(14.0 / 15, 1e-15);
        // RS line ends at 100·(1 + ratio return).
        iwm.GetProperty("rsLine").EnumerateArray().Last().GetProperty("rs").GetDouble().Should().BeApproximately(106.435413922771138, 1e-9);
        // pandas: rp QQQ 0.013690156435675949 ... 10; rp SPY ... 0.0 0.0 15 0.0 0
        results["QQQ"].GetProperty("return").GetDouble().Should().BeApproximately(0.013690156435675949, 1e-15);
        results["QQQ"].GetProperty("outperformingDays").GetInt32().Should().Be(10);
        results["SPY"].GetProperty("excessReturn").GetDouble().Should().Be(0);
        AssertCitationsResolve(json, iwm, "IWM", "SPY");
    }

    [Fact]
    public async Task Rsi_of_the_Russell_2000_turns_overbought_on_22_January_2026()
    {
        var json = await GetJsonAsync("/indicators/rsi?symbol=^rut&from=2026-01-21&to=2026-01-23");

        // pandas: rsi 2026-01-21 69.47182834658304, 2026-01-22 71.47904943397269, 2026-01-23 61.06594573287924
        var series = json.GetProperty("series").EnumerateArray().ToList();
        series.Select(p => p.GetProperty("date").GetString()).Should().Equal("2026-01-21", "2026-01-22", "2026-01-23");
        series.Select(p => p.GetProperty("rsi").GetDouble()).Should().Equal(
            [69.47182834658304, 71.47904943397269, 61.06594573287924], (a, e) => Math.Abs(a - e) < 1e-9);
        series.Select(p => p.GetProperty("zone").GetString()).Should().Equal("neutral", "overbought", "neutral");
        json.GetProperty("symbol").GetString().Should().Be("RUT");
        AssertCitationsResolve(json, json, "RUT");
    }

    [Fact]
    public async Task Record_closes_of_the_Russell_2000_in_January_2026()
    {
        var json = await GetJsonAsync("/highs?symbol=RUT&from=2026-01-01&to=2026-01-31");

        // pandas: records 8 [...]; ath 2026-01-22 2718.77 end 2026-01-30 2613.74 -0.038631439952625746 tdays 6
        json.GetProperty("recordCount").GetInt32().Should().Be(8);
        json.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("date").GetString()).Should().Equal(
            "2026-01-08", "2026-01-09", "2026-01-12", "2026-01-14", "2026-01-15", "2026-01-16", "2026-01-21", "2026-01-22");
        json.GetProperty("allTimeHigh").GetProperty("date").GetString().Should().Be("2026-01-22");
        json.GetProperty("allTimeHigh").GetProperty("price").GetDouble().Should().Be(2718.77);
        json.GetProperty("end").GetProperty("date").GetString().Should().Be("2026-01-30");
        json.GetProperty("drawdown").GetDouble().Should().BeApproximately(-0.038631439952625746, 1e-15);
        json.GetProperty("tradingDaysSinceHigh").GetInt32().Should().Be(6);
        json.GetProperty("calendarDaysSinceHigh").GetInt32().Should().Be(8);
    }

    [Fact]
    public async Task Sector_breadth_of_January_2026_materials_lead_financials_lag()
    {
        var json = await GetJsonAsync("/breadth/sectors?from=2026-01-02&to=2026-01-23");

        // pandas: breadth order ['XLB','XLE','XLP','XLI','XLY','XLRE','XLV','XLK','XLU','XLC','XLF']; adv 8 dec 3 disp 0.04161821767029388
        var members = json.GetProperty("members").EnumerateArray().ToList();
        members.OrderBy(m => m.GetProperty("rank").GetInt32()).Select(m => m.GetProperty("symbol").GetString())
            .Should().Equal("XLB", "XLE", "XLP", "XLI", "XLY", "XLRE", "XLV", "XLK", "XLU", "XLC", "XLF");
        members.Single(m => m.GetProperty("symbol").GetString() == "XLB").GetProperty("return").GetDouble()
            .Should().BeApproximately(0.10187431091510457, 1e-15);
        json.GetProperty("advancers").GetInt32().Should().Be(8);
        json.GetProperty("decliners").GetInt32().Should().Be(3);
        json.GetProperty("unchanged").GetInt32().Should().Be(0);
        json.GetProperty("dispersion").GetDouble().Should().BeApproximately(0.04161821767029388, 1e-15);
        json.GetProperty("leader").GetProperty("symbol").GetString().Should().Be("XLB");
        json.GetProperty("laggard").GetProperty("symbol").GetString().Should().Be("XLF");
        // pandas: cyc-def 0.003875039444869322, cyc 0.031073355869226132, def 0.02719831642435681
        json.GetProperty("cyclicalMinusDefensive").GetDouble().Should().BeApproximately(0.003875039444869322, 1e-15);
        var superSectors = json.GetProperty("superSectors").EnumerateArray()
            .ToDictionary(s => s.GetProperty("superSector").GetString()!, s => s.GetProperty("meanReturn").GetDouble());
        superSectors["sensitive"].Should().BeApproximately(0.040047239595211365, 1e-15);
        json.GetProperty("advanceDeclineLine").GetArrayLength().Should().Be(15);
        json.GetProperty("aboveSma200").GetProperty("eligible").GetInt32().Should().Be(11);
        AssertCitationsResolve(json, members[0], "XLB");
    }

    [Fact]
    public async Task Rotation_of_materials_against_SPY_as_of_23_January_2026()
    {
        // The daily form with a one-day rate of change (the endpoint's defaults before issue 9), asked for explicitly.
        var json = await GetJsonAsync("/rotation?benchmark=SPY&symbols=XLB&asOf=2026-01-23&tail=2&interval=day&ratioWindow=63&momentumWindow=21&momentumLag=1");

        // pandas: rotation XLB 102.53563868088962 100.00743484595768 (2026-01-23), 102.4557552485842 99.30519791711647 (2026-01-22)
        var item = json.GetProperty("items")[0];
        var latest = item.GetProperty("latest");
        latest.GetProperty("date").GetString().Should().Be("2026-01-23");
        latest.GetProperty("rsRatio").GetDouble().Should().BeApproximately(102.53563868088962, 1e-8);
        latest.GetProperty("rsMomentum").GetDouble().Should().BeApproximately(100.00743484595768, 1e-8);
        latest.GetProperty("quadrant").GetString().Should().Be("leading");
        var tail = item.GetProperty("tail").EnumerateArray().ToList();
        tail.Should().HaveCount(2);
        tail[0].GetProperty("rsMomentum").GetDouble().Should().BeApproximately(99.30519791711647, 1e-8);
        tail[0].GetProperty("quadrant").GetString().Should().Be("weakening");
        AssertCitationsResolve(json, item, "XLB", "SPY");
    }

    [Fact]
    public async Task Bars_are_served_by_alias_with_flags_and_their_source()
    {
        var json = await GetJsonAsync("/instruments/^dji/bars?from=2025-08-12&to=2025-08-12");

        // DJI.csv row: 2025-08-12,44050.5,44497.59,44050.53,44458.61, — open 0.03 below the low (SOURCES.md): stored and flagged.
        json.GetProperty("symbol").GetString().Should().Be("DJI");
        var bar = json.GetProperty("bars")[0];
        bar.GetProperty("open").GetDouble().Should().Be(44050.5);
        bar.GetProperty("low").GetDouble().Should().Be(44050.53);
        bar.GetProperty("flags").EnumerateArray().Should().NotBeEmpty();
        var source = json.GetProperty("sources")[0];
        source.GetProperty("id").GetInt64().Should().Be(bar.GetProperty("sourceId").GetInt64());
        source.GetProperty("url").GetString().Should().EndWith("DJI.csv");
    }

    /// <summary>Every sourceId of the figure group is listed in sources, for the instruments named, covering the figures' dates.</summary>
    internal static void AssertCitationsResolve(JsonElement response, JsonElement figureGroup, params string[] symbols)
    {
        var sources = response.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetInt64());
        var ids = figureGroup.GetProperty("sourceIds").EnumerateArray().Select(i => i.GetInt64()).ToList();
        ids.Should().NotBeEmpty();
        ids.Should().OnlyContain(id => sources.ContainsKey(id));
        ids.Select(id => sources[id].GetProperty("providerSymbol").GetString()).Should().BeEquivalentTo(symbols);
        foreach (var id in ids)
        {
            sources[id].GetProperty("provider").GetString().Should().Be("csv");
            sources[id].GetProperty("synthetic").GetBoolean().Should().BeFalse();
            string.CompareOrdinal(sources[id].GetProperty("firstDate").GetString(), "2026-01-01").Should().BeNegative();
            string.CompareOrdinal(sources[id].GetProperty("lastDate").GetString(), "2026-01-23").Should().BePositive();
        }
    }
}
