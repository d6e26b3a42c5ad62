using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Indicators;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;
using RotationAnalytics.Domain.Tests.Support;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.Performance;

/// <summary>
/// The allocation-saving entry points (RSI readings for a window, one page of streak history) and the
/// bit-pattern validation must agree exactly with the plain calls they shortcut.
/// </summary>
public class FastPathEquivalenceTests
{
    [Theory]
    [InlineData("SPX", 14, "2026-01-02", "2026-01-15")]
    [InlineData("SPX", 14, "1900-01-01", "2100-01-01")]
    [InlineData("SPX", 14, "2100-01-01", "2100-12-31")]
    [InlineData("RUT", 2, "1987-09-10", "1987-10-30")]
    [InlineData("XLK", 30, "2020-02-15", "2020-04-15")]
    [InlineData("RUT", 14, "0001-01-01", "1987-09-30")]
    [InlineData("RUT", 14, "2026-08-21", "9999-12-31")]
    public void Rsi_readings_equal_calculate_then_window(string symbol, int period, string from, string to)
    {
        var bars = MarketData.Load(symbol);
        var (start, end) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        var expected = WilderRsi.Window(WilderRsi.Calculate(bars, period).Value, start, end, 65, 35).Value;

        WilderRsi.Readings(bars, start, end, period, 65, 35).Value.Should().Equal(expected);
    }

    [Fact]
    public void Rsi_readings_report_the_same_errors_in_the_same_order()
    {
        var nan = FromCloses(1, 2, 3, 4, 5);
        nan[3] = nan[3] with { Close = double.NaN };

        Error(WilderRsi.Readings(FromCloses(1, 2, 3), Day(0), Day(2), period: 0)).Should().Be(Error(WilderRsi.Calculate(FromCloses(1, 2, 3), 0)));
        Error(WilderRsi.Readings(nan, Day(0), Day(2), period: 2)).Should().Be(Error(WilderRsi.Calculate(nan, 2)));
        Error(WilderRsi.Readings(nan, Day(0), Day(2), period: 9)).Should().Be(Error(WilderRsi.Calculate(nan, 9)));
        Error(WilderRsi.Readings(FromCloses(1, 2), Day(0), Day(2), period: 2)).Should().Be(Error(WilderRsi.Calculate(FromCloses(1, 2), 2)));
        Error(WilderRsi.Readings(FromCloses(1, 2, 3), Day(2), Day(0), period: 2))!.Input.Should().Be(DomainInput.From);
        Error(WilderRsi.Readings(FromCloses(1, 2, 3), Day(0), Day(2), period: 2, overbought: 30, oversold: 30))!.Input.Should().Be(DomainInput.Oversold);
        Error(WilderRsi.Calculate(nan, 2))!.Message.Should().Contain("Close on 2024-01-04");
    }

    [Theory]
    [InlineData(double.NaN, 1.0, false)]
    [InlineData(double.PositiveInfinity, 1.0, false)]
    [InlineData(0.0, 1.0, false)]
    [InlineData(-1.0, 1.0, false)]
    [InlineData(double.MaxValue, 1.0, true)]
    [InlineData(double.Epsilon, 0.0, true)]
    [InlineData(1.0, -0.0, true)]
    [InlineData(1.0, -1e-300, false)]
    [InlineData(1.0, double.NaN, false)]
    [InlineData(1.0, double.PositiveInfinity, false)]
    [InlineData(1.0, double.MaxValue, true)]
    public void Bit_pattern_validation_matches_the_comparisons(double close, double open, bool valid)
    {
        var bars = FromCloses(1, 2, 3);
        bars[1] = bars[1] with { Close = close, Open = open };

        (PriceSeries.Validate(bars, DomainInput.Series, out _) is null).Should().Be(valid);
        (PriceSeries.Validate(bars.Reverse().ToArray(), DomainInput.Series, out _) is null).Should().BeFalse(); // dates descending
        (PriceSeries.Validate(new[] { bars[0], bars[0] }, DomainInput.Series, out _) is null).Should().BeFalse(); // duplicate date
    }

    [Theory]
    [InlineData(1, 0, 10)]
    [InlineData(1, 4860, 100)]
    [InlineData(1, 0, 0)]
    [InlineData(3, 5, 7)]
    [InlineData(3, 100000, 7)]
    public void A_page_of_history_is_that_slice_of_the_full_history(int minLength, int offset, int count)
    {
        var pair = AlignedPair.Align(MarketData.Load("RUT"), MarketData.Load("SPX")).Value;
        var full = StreakAnalysis.Analyze(pair, new DateOnly(2026, 1, 22), minLength).Value;

        var page = StreakAnalysis.Analyze(pair, new DateOnly(2026, 1, 22), minLength, offset, count).Value;

        page.History.Should().Equal(full.History.Skip(offset).Take(count));
        page.HistoryTotal.Should().Be(full.History.Length).And.Be(full.HistoryTotal);
        page.Current.Should().Be(full.Current);
        (page.LongestOutperform, page.LongestUnderperform, page.AsOf, page.CommonDates)
            .Should().Be((full.LongestOutperform, full.LongestUnderperform, full.AsOf, full.CommonDates));
    }

    [Fact]
    public void A_negative_page_is_an_invalid_argument()
    {
        var pair = AlignedPair.Align(FromCloses(1, 2, 3), FromCloses(1, 1, 1)).Value;

        StreakAnalysis.Analyze(pair, null, 1, -1, 5).Error.Should().Be(DomainError.InvalidArgument(DomainInput.HistoryOffset, "historyOffset must not be negative."));
        StreakAnalysis.Analyze(pair, null, 1, 0, -5).Error!.Input.Should().Be(DomainInput.HistoryCount);
    }

    [Fact]
    public void A_hand_built_pair_with_missing_closes_is_rejected_not_read_past_its_end()
    {
        var dates = new[] { Day(0), Day(1), Day(2) };
        var pair = new AlignedPair(dates, [1, 2, 3], [1, 2], [1, 1, 1], [1, 1, 1], []);

        StreakAnalysis.Analyze(pair).Error!.Input.Should().Be(DomainInput.Pair);
    }

    private static DomainError? Error<T>(DomainResult<T> result) => result.Error;
}
