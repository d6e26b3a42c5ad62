using System.Globalization;
using System.Text.Json;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Tests.Returns;

public class TotalReturnIndexTests
{
    private static readonly DateOnly Day1 = new(2026, 3, 2);

    private static PriceBar Bar(int day, double open, double close) => new(Day1.AddDays(day), open, close + 1, open - 1, close);

    [Fact]
    public void Hand_worked_index_reinvests_the_dividend_on_its_ex_date_and_scales_every_price_of_the_day()
    {
        // C = 100, 102, 99 (ex-dividend 2.00), 100.
        // TR: 100; 100·102/100 = 102; 102·(99 + 2)/102 = 101; 101·100/99 = 102.020202…
        PriceBar[] bars = [Bar(0, 99, 100), Bar(1, 101, 102), Bar(2, 98, 99), Bar(3, 99.5, 100)];
        TotalReturnDay[] days = [new(true, 0, double.NaN), new(true, 0, double.NaN), new(true, 2, double.NaN), new(true, 0, double.NaN)];

        var index = TotalReturnIndex.Build(bars, days);

        index.Bars.Select(b => b.Close).Should().Equal(100, 102, 101, 101.0 * 100 / 99);
        index.Bars[3].Close.Should().BeApproximately(102.02020202020202, 1e-12);
        index.Bars[2].Open.Should().BeApproximately(98 * 101.0 / 99, 1e-12, "the open of the ex-date is already ex-dividend");
        index.Bars[2].High.Should().BeApproximately(100 * 101.0 / 99, 1e-12);
        index.Bars.Select(b => b.Date).Should().Equal(bars.Select(b => b.Date));
        index.Sources.Should().Equal(TotalReturnSource.Unavailable, TotalReturnSource.Dividends, TotalReturnSource.Dividends, TotalReturnSource.Dividends);

        // The window return over days 2..4 (base = close of day 1) is (99 + 2)/100 · 100/99 − 1 = 2.0202…%, not the price return 0.
        (index.Bars[3].Close / index.Bars[0].Close - 1).Should().BeApproximately(101.0 / 99 - 1, 1e-15);
    }

    [Fact]
    public void Adjusted_close_is_used_only_where_no_source_reports_dividends_and_a_day_without_either_is_marked_unavailable()
    {
        // Day 2 has no dividend report but adjusted closes 50 → 52 (+4 %): TR 100 → 104 although the close rose 2 %.
        // Day 3 has neither (no adjusted close on day 3): the price return 102 → 99 is used and marked unavailable.
        // Day 4 reports dividends again (none): 104·(99/102)·(100/99).
        PriceBar[] bars = [Bar(0, 99, 100), Bar(1, 101, 102), Bar(2, 98, 99), Bar(3, 99.5, 100)];
        TotalReturnDay[] days = [new(false, 0, 50), new(false, 0, 52), new(false, 0, double.NaN), new(true, 0, double.NaN)];

        var index = TotalReturnIndex.Build(bars, days);

        index.Sources.Should().Equal(TotalReturnSource.Unavailable, TotalReturnSource.AdjustedClose, TotalReturnSource.Unavailable, TotalReturnSource.Dividends);
        index.Bars[1].Close.Should().BeApproximately(104, 1e-12);
        index.Bars[2].Close.Should().BeApproximately(104 * 99.0 / 102, 1e-12);
        index.Bars[3].Close.Should().BeApproximately(104 * 100.0 / 102, 1e-12);
    }

    [Fact]
    public void Without_dividends_the_index_is_the_closes_themselves()
    {
        var bars = Support.MarketData.Load("SPY")[^300..];
        var days = bars.Select(_ => new TotalReturnDay(true, 0, double.NaN)).ToArray();

        var index = TotalReturnIndex.Build(bars, days);

        for (var i = 0; i < bars.Length; i++)
        {
            index.Bars[i].Close.Should().BeApproximately(bars[i].Close, 1e-9 * bars[i].Close);
            index.Bars[i].Open.Should().BeApproximately(bars[i].Open, 1e-9 * bars[i].Open);
        }
    }

    /// <summary>
    /// The recorded Yahoo chart of MSFT (2021-02-01 … 2022-01-28, 252 bars, 4 dividends) against pandas, run once with
    /// /usr/bin/python3 (pandas 1.5.3) from ../shared/fixtures/providers/yahoo:
    /// <code>
    /// import json, pandas as pd
    /// r = json.load(open("chart_msft_daily_div_2021-02-01_2022-01-28.json"))["chart"]["result"][0]
    /// dates = pd.to_datetime(r["timestamp"], unit="s", utc=True).tz_convert("America/New_York").date
    /// close = pd.Series(r["indicators"]["quote"][0]["close"], index=dates)
    /// div = pd.Series({pd.Timestamp(e["date"], unit="s", tz="UTC").tz_convert("America/New_York").date(): e["amount"]
    ///                  for e in r["events"]["dividends"].values()}).reindex(close.index, fill_value=0.0)
    /// growth = (close + div) / close.shift(1)
    /// tr = close.iloc[0] * growth.fillna(1.0).cumprod()
    /// for d in ["2021-02-17", "2021-06-30", "2021-11-17", "2022-01-28"]: print(d, repr(tr[pd.Timestamp(d).date()]))
    /// print(repr(tr.iloc[-1] / tr.iloc[0] - 1), repr(close.iloc[-1] / close.iloc[0] - 1))
    /// </code>
    /// </summary>
    [Theory]
    [InlineData("2021-02-17", 244.7599969482421)]
    [InlineData("2021-06-30", 272.14664147503095)]
    [InlineData("2021-11-17", 341.96084950152954)]
    [InlineData("2022-01-28", 310.8423458498107)]
    public void Recorded_msft_chart_with_four_dividends_matches_pandas(string date, double expected)
    {
        var (bars, days) = RecordedMsft();

        var index = TotalReturnIndex.Build(bars, days);

        index.Bars.Single(b => b.Date == DateOnly.Parse(date, CultureInfo.InvariantCulture)).Close.Should().BeApproximately(expected, 1e-9);
        (index.Bars[^1].Close / index.Bars[0].Close - 1).Should().BeApproximately(0.2970680315730678, 1e-12);
        (bars[^1].Close / bars[0].Close - 1).Should().BeApproximately(0.2862925834197032, 1e-12, "the price return leaves the dividends out");
    }

    private static (PriceBar[] Bars, TotalReturnDay[] Days) RecordedMsft()
    {
        var path = Path.Combine(Support.MarketData.Directory, "..", "..", "fixtures", "providers", "yahoo", "chart_msft_daily_div_2021-02-01_2022-01-28.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var result = document.RootElement.GetProperty("chart").GetProperty("result")[0];
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        DateOnly NewYorkDate(long seconds) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(seconds), zone).DateTime);
        var quote = result.GetProperty("indicators").GetProperty("quote")[0];
        var bars = result.GetProperty("timestamp").EnumerateArray().Select((t, i) => new PriceBar(
            NewYorkDate(t.GetInt64()),
            quote.GetProperty("open")[i].GetDouble(),
            quote.GetProperty("high")[i].GetDouble(),
            quote.GetProperty("low")[i].GetDouble(),
            quote.GetProperty("close")[i].GetDouble())).ToArray();
        var dividends = result.GetProperty("events").GetProperty("dividends").EnumerateObject()
            .ToDictionary(d => NewYorkDate(d.Value.GetProperty("date").GetInt64()), d => d.Value.GetProperty("amount").GetDouble());
        dividends.Keys.Should().BeSubsetOf(bars.Select(b => b.Date), "every ex-date is a trading day of the recording");
        return (bars, [.. bars.Select(b => new TotalReturnDay(true, dividends.GetValueOrDefault(b.Date), double.NaN))]);
    }
}
