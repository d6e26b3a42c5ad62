using RotationAnalytics.Domain.Breadth;
using RotationAnalytics.Domain.Records;
using RotationAnalytics.Domain.RelativePerformance;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Tests.Support;

namespace RotationAnalytics.Domain.Tests.RealData;

public class WindowRealDataTests
{
    [Fact]
    public void Iwm_vs_spy_year_to_date_2026_matches_pandas()
    {
        // pandas: base 2025-12-31 IWM 246.16 / SPY 681.92, end 2026-08-20, IWM 0.20925414364640882,
        // SPY 0.11831299859221023, 159 trading days, mean daily excess 0.0005266710514637144, 83 outperforming days.
        var pair = AlignedPair.Align(MarketData.Load("IWM"), MarketData.Load("SPY")).Value;

        var report = RelativePerformanceReport.Compute(pair, new(2026, 1, 1), new(2026, 8, 20), includeRsLine: true).Value;

        report.Base.Should().Be(new PricePoint(new(2025, 12, 31), 246.16));
        report.BenchmarkBase.Should().Be(new PricePoint(new(2025, 12, 31), 681.92));
        report.End.Date.Should().Be(new DateOnly(2026, 8, 20));
        report.Return.Should().BeApproximately(0.20925414364640882, 1e-14);
        report.BenchmarkReturn.Should().BeApproximately(0.11831299859221023, 1e-14);
        report.ExcessReturn.Should().BeApproximately(0.20925414364640882 - 0.11831299859221023, 1e-14);
        report.RatioReturn.Should().BeApproximately((1.20925414364640882 / 1.11831299859221023) - 1, 1e-14);
        report.TradingDays.Should().Be(159);
        report.AverageDailyExcessReturn.Should().BeApproximately(0.0005266710514637144, 1e-15);
        report.OutperformingDays.Should().Be(83);
        report.OutperformingShare.Should().BeApproximately(83.0 / 159, 1e-15);
    }

    [Theory]
    [InlineData("IWM", "SPY", "2026-01-01", "2026-08-20")]
    [InlineData("RUT", "SPX", "2008-01-01", "2008-12-31")]
    [InlineData("QQQ", "SPY", "2000-03-10", "2002-10-09")]
    public void Window_return_is_the_product_of_daily_returns_and_the_rs_line_ends_at_the_ratio_return(string a, string b, string from, string to)
    {
        var pair = AlignedPair.Align(MarketData.Load(a), MarketData.Load(b)).Value;
        var report = RelativePerformanceReport.Compute(pair, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), includeRsLine: true).Value;

        var first = Array.IndexOf(pair.Dates, report.Base.Date) + 1;
        var last = Array.IndexOf(pair.Dates, report.End.Date);
        double growthA = 1, growthB = 1;
        for (var t = first; t <= last; t++)
        {
            growthA *= pair.ClosesA[t] / pair.ClosesA[t - 1];
            growthB *= pair.ClosesB[t] / pair.ClosesB[t - 1];
        }

        report.Return.Should().BeApproximately(growthA - 1, 1e-12);
        report.BenchmarkReturn.Should().BeApproximately(growthB - 1, 1e-12);
        report.RsLine!.Should().HaveCount(report.TradingDays);
        ((report.RsLine![^1].Value / 100) - 1).Should().BeApproximately(report.RatioReturn, 1e-12);
    }

    [Fact]
    public void Sector_returns_for_q1_2026_match_pandas()
    {
        // pandas: close[last ≤ 2026-03-31] / close[last < 2026-01-01] − 1.
        (string Symbol, string Sector, double Return)[] expected =
        [
            ("XLB", "Materials", 0.10187431091510457), ("XLC", "Communication Services", -0.0582738702004757),
            ("XLE", "Energy", 0.3701632744352492), ("XLF", "Financials", -0.09859412086908903),
            ("XLI", "Industrials", 0.04261217122227934), ("XLK", "Information Technology", -0.07689101896228379),
            ("XLP", "Consumer Staples", 0.055355303810504575), ("XLRE", "Real Estate", 0.011895910780669094),
            ("XLU", "Utilities", 0.07495900679316003), ("XLV", "Health Care", -0.052906976744185985),
            ("XLY", "Consumer Discretionary", -0.08734611841554307),
        ];
        var group = expected.Select(e => new BreadthMember(e.Symbol, e.Sector, MarketData.Load(e.Symbol))).ToArray();

        var report = SectorBreadth.ForWindow(group, new(2026, 1, 1), new(2026, 3, 31)).Value;

        report.Members.Select(m => m.Window!.Return).Should().Equal(expected.Select(e => e.Return), (x, y) => Math.Abs(x - y) < 1e-14);
        (report.Advancers, report.Decliners, report.Unchanged).Should().Be((6, 5, 0));
        report.Leader.Symbol.Should().Be("XLE");
        report.Laggard.Symbol.Should().Be("XLF");
        report.Members.Single(m => m.Symbol == "XLK").Rank.Should().Be(9); // behind XLE, XLB, XLU, XLP, XLI, XLRE, XLV, XLC
        var cyclical = new[] { 0.10187431091510457, -0.09859412086908903, 0.011895910780669094, -0.08734611841554307 }.Average();
        var defensive = new[] { 0.055355303810504575, 0.07495900679316003, -0.052906976744185985 }.Average();
        report.CyclicalMinusDefensive!.Value.Should().BeApproximately(cyclical - defensive, 1e-14);
        report.AdvanceDeclineLine[^1].Cumulative.Should().Be(report.AdvanceDeclineLine.Sum(p => p.Advancers - p.Decliners));
        report.AboveSma200.Eligible.Should().Be(11);
    }

    [Theory]
    [InlineData("SPX", "2025-01-01", "2025-12-31")]
    [InlineData("RUT", "1987-01-01", "2026-08-21")]
    [InlineData("XLK", "2020-01-01", "2020-12-31")]
    public void Record_closes_agree_with_a_brute_force_scan(string symbol, string from, string to)
    {
        var bars = MarketData.Load(symbol);
        var fromDate = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var toDate = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);

        var report = RecordCloseReport.Compute(bars, fromDate, toDate).Value;

        // Brute force: a record is a close above every earlier close, checked one by one.
        var upTo = bars.Where(b => b.Date <= toDate).ToArray();
        var records = Enumerable.Range(1, upTo.Length - 1)
            .Where(t => upTo[t].Date >= fromDate && upTo.Take(t).All(earlier => upTo[t].Close > earlier.Close))
            .Select(t => new PricePoint(upTo[t].Date, upTo[t].Close));
        var high = upTo.First(b => b.Close == upTo.Max(x => x.Close));
        report.RecordDates.Should().Equal(records);
        report.AllTimeHigh.Should().Be(new PricePoint(high.Date, high.Close));
        report.Drawdown.Should().Be((upTo[^1].Close / high.Close) - 1);
        report.TradingDaysSinceHigh.Should().Be(upTo.Length - 1 - Array.IndexOf(upTo, high));
    }
}
