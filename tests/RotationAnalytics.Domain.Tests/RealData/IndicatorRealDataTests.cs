using RotationAnalytics.Domain.Indicators;
using RotationAnalytics.Domain.Tests.Naive;
using RotationAnalytics.Domain.Tests.Support;

namespace RotationAnalytics.Domain.Tests.RealData;

public class IndicatorRealDataTests
{
    [Theory]
    [InlineData("1928-01-20", 44.07894736842105)] // pandas, see PandasReference
    [InlineData("2008-10-10", 22.982441250125746)]
    [InlineData("2020-03-23", 30.15762848172352)]
    [InlineData("2026-01-15", 57.286866051746905)]
    [InlineData("2026-08-21", 53.852232643457455)]
    public void Spx_rsi14_matches_pandas(string date, double expected)
    {
        var points = WilderRsi.Calculate(MarketData.Load("SPX")).Value;

        points.Single(p => p.Date == DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Rsi!.Value
            .Should().BeApproximately(expected, 1e-9);
    }

    [Theory]
    [InlineData("SPX", 14)]
    [InlineData("RUT", 2)]
    [InlineData("XLK", 30)]
    public void Whole_history_agrees_with_the_naive_rsi_and_stays_in_range(string symbol, int period)
    {
        var bars = MarketData.Load(symbol);

        var points = WilderRsi.Calculate(bars, period).Value;
        var naive = NaiveRsi.Calculate(bars, period);

        points.Take(period).Should().OnlyContain(p => p.Rsi == null);
        for (var t = period; t < bars.Length; t++)
        {
            points[t].Rsi!.Value.Should().BeApproximately(naive[t], 1e-9).And.BeInRange(0, 100);
        }
    }

    [Fact]
    public void Values_do_not_depend_on_the_requested_window()
    {
        var all = WilderRsi.Calculate(MarketData.Load("SPX")).Value;

        var window = WilderRsi.Window(all, new(2026, 1, 2), new(2026, 1, 15)).Value;

        window.Should().HaveCount(10); // Jan 2, 5–9, 12–15
        window[^1].Rsi!.Value.Should().BeApproximately(57.286866051746905, 1e-9); // same pandas value as above
        window.Select(r => r.Rsi).Should().Equal(all.Where(p => p.Date >= new DateOnly(2026, 1, 2) && p.Date <= new DateOnly(2026, 1, 15)).Select(p => p.Rsi));
    }
}
