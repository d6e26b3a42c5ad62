using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Rotation;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Tests.Naive;
using RotationAnalytics.Domain.Tests.Support;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.Rotation;

public class RotationIntervalTests
{
    [Fact]
    public void Hand_worked_momentum_lag_of_two()
    {
        // B flat at 10, RS = 100, 110, 120, 110, 130, 140; windows 2/2, lag 2.
        // RS-Ratio (as in RelativeRotationTests): t1 101, t2 101, t3 99, t4 101, t5 [130, 140] → 101.
        // ROC over 2 intervals from t3: t3 100·(99/101 − 1) = −1.980198…; t4 100·(101/101 − 1) = 0; t5 100·(101/99 − 1) = 2.020202…
        // RS-Momentum from t4: [−1.98, 0] → z +1 → 101; t5 [0, 2.02] → 101. First complete index 1 + 2 + 1 = 4.
        var pair = AlignedPair.Align(FromCloses(10, 11, 12, 11, 13, 14), FromCloses(10, 10, 10, 10, 10, 10)).Value;
        var parameters = new RotationParameters(RotationInterval.Day, 2, 2, 2);

        var points = RelativeRotation.Calculate(pair, parameters).Value;

        parameters.FirstCompleteIndex.Should().Be(4);
        points.Select(p => p.RsMomentum).Should().Equal(new double?[] { null, null, null, null, 101, 101 }, (a, e) => a == e || Math.Abs(a!.Value - e!.Value) < 1e-12);
        points[4].Quadrant.Should().Be(RotationQuadrant.Leading);
    }

    [Fact]
    public void Weeks_end_on_their_last_common_date_including_across_the_new_year_and_at_as_of()
    {
        // 2025-12-22 (Mon) .. 2026-01-16 (Fri) on weekdays; B lacks 2026-01-09 (Fri), so that week ends on Thursday.
        // ISO weeks: 12-22..12-26 | 12-29..01-02 (one ISO week across the new year) | 01-05..01-09 | 01-12..01-16.
        var a = FromCloses(new DateOnly(2025, 12, 22), Enumerable.Range(0, 20).Select(i => 100.0 + i + (i % 3)).ToArray());
        var b = FromCloses(new DateOnly(2025, 12, 22), Enumerable.Range(0, 20).Select(i => 50.0 + (i % 4)).ToArray())
            .Where(bar => bar.Date != new DateOnly(2026, 1, 9)).ToArray();
        var pair = AlignedPair.Align(a, b).Value;
        var weekly = new RotationParameters(RotationInterval.Week, 2, 2, 1);

        var points = RelativeRotation.Calculate(pair, weekly).Value;
        var midWeek = RelativeRotation.Calculate(pair, weekly, new DateOnly(2026, 1, 14)).Value;

        points.Select(p => p.Date).Should().Equal(new DateOnly(2025, 12, 26), new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 16));
        midWeek.Select(p => p.Date).Should().Equal(new DateOnly(2025, 12, 26), new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 14));
        var t = Array.IndexOf(pair.Dates, new DateOnly(2026, 1, 8));
        points[2].RsRatio!.Value.Should().BeApproximately(100 + ZOfLastTwo(100 * pair.ClosesA[t] / pair.ClosesB[t], 100 * pair.ClosesA[t - 4] / pair.ClosesB[t - 4]), 1e-12);
    }

    [Fact]
    public void The_original_overload_is_the_daily_lag_one_form()
    {
        var pair = AlignedPair.Align(MarketData.Load("XLE"), MarketData.Load("SPY")).Value;

        RelativeRotation.Calculate(pair).Value.Should().Equal(RelativeRotation.Calculate(pair, new RotationParameters(RotationInterval.Day, 63, 21, 1)).Value);
    }

    [Theory]
    [InlineData("IWM", "SPY", RotationInterval.Week, 52, 13, 5)]
    [InlineData("XLK", "SPY", RotationInterval.Day, 63, 21, 10)]
    [InlineData("RUT", "SPX", RotationInterval.Week, 10, 5, 3)]
    public void Agrees_with_the_naive_computation_for_weeks_and_lags(string symbol, string benchmark, RotationInterval interval, int ratioWindow, int momentumWindow, int lag)
    {
        var pair = AlignedPair.Align(MarketData.Load(symbol), MarketData.Load(benchmark)).Value;
        var reference = interval == RotationInterval.Week ? NaiveRotation.Weekly(pair) : pair;

        var points = RelativeRotation.Calculate(pair, new RotationParameters(interval, ratioWindow, momentumWindow, lag)).Value;
        var (ratio, momentum) = NaiveRotation.Calculate(reference, ratioWindow, momentumWindow, lag);

        points.Select(p => p.Date).Should().Equal(reference.Dates);
        for (var t = 0; t < points.Length; t++)
        {
            points[t].RsRatio.HasValue.Should().Be(!double.IsNaN(ratio[t]));
            if (points[t].RsRatio is { } pointRatio)
            {
                pointRatio.Should().BeApproximately(ratio[t], 1e-8);
            }

            if (double.IsNaN(momentum[t]))
            {
                points[t].RsMomentum.Should().BeNull();
            }
            else
            {
                points[t].RsMomentum!.Value.Should().BeApproximately(momentum[t], 1e-8);
            }
        }
    }

    [Fact]
    public void Weekly_points_as_of_a_date_equal_those_from_data_cut_at_that_date()
    {
        var full = AlignedPair.Align(MarketData.Load("XLF"), MarketData.Load("SPY")).Value;
        var cut = new DateOnly(2022, 6, 15); // a Wednesday
        var truncated = AlignedPair.Align(MarketData.Load("XLF").Where(b => b.Date <= cut).ToArray(), MarketData.Load("SPY")).Value;

        var asOf = RelativeRotation.Calculate(full, RotationParameters.Default, cut).Value;
        var fromCut = RelativeRotation.Calculate(truncated, RotationParameters.Default).Value;

        asOf.Should().Equal(fromCut);
        asOf[^1].Date.Should().Be(cut);
    }

    [Fact]
    public void Default_parameters_do_not_flip_quadrants_day_to_day_in_the_early_2026_small_cap_run()
    {
        // IWM vs SPY, every trading day of January–February 2026 (39), the quadrant of the latest point as known that
        // day. The old daily form changes quadrant on 17 of the 38 steps; the defaults on 2 (leading from 2026-01-05
        // through the run, weakening from early February as the relative strength stalls). Table in docs/domain.md.
        var pair = AlignedPair.Align(MarketData.Load("IWM"), MarketData.Load("SPY")).Value;
        var days = pair.Dates.Where(d => d >= new DateOnly(2026, 1, 1) && d <= new DateOnly(2026, 2, 28)).ToArray();

        var old = QuadrantChanges(pair, days, new RotationParameters(RotationInterval.Day, 63, 21, 1));
        var defaults = QuadrantChanges(pair, days, RotationParameters.Default);

        days.Should().HaveCount(39);
        old.Should().Be(17);
        defaults.Should().Be(2);
        RotationParameters.Default.Should().Be(new RotationParameters(RotationInterval.Week, 52, 13, 5));
    }

    [Fact]
    public void Invalid_or_insufficient_inputs_give_typed_errors()
    {
        var pair = AlignedPair.Align(FromCloses(1, 2, 3, 4, 5, 6), FromCloses(2, 2, 2, 2, 2, 2)).Value;

        RelativeRotation.Calculate(pair, new RotationParameters(RotationInterval.Day, 2, 2, 0)).Error!.Input.Should().Be(DomainInput.MomentumLag);
        RelativeRotation.Calculate(pair, new RotationParameters((RotationInterval)9, 2, 2, 1)).Error!.Input.Should().Be(DomainInput.Interval);
        RelativeRotation.Calculate(pair, new RotationParameters(RotationInterval.Day, 1, 2, 1)).Error!.Input.Should().Be(DomainInput.RatioWindow);
        RelativeRotation.Calculate(pair, new RotationParameters(RotationInterval.Day, 2, 1, 1)).Error!.Input.Should().Be(DomainInput.MomentumWindow);
        RelativeRotation.Calculate(pair, new RotationParameters(RotationInterval.Week, 2, 2, 1)).Error!.Message
            .Should().Be("Rotation with windows 2/2 needs at least 4 weeks of common trading dates; there are 2.");
        RelativeRotation.Calculate(pair, new RotationParameters(RotationInterval.Day, 2, 2, 1), Day(0).AddDays(-1)).Error!
            .Should().Match<DomainError>(e => e.Input == DomainInput.AsOf && e.Kind == DomainErrorKind.InsufficientData);
    }

    private static int QuadrantChanges(AlignedPair pair, DateOnly[] days, RotationParameters parameters)
    {
        var quadrants = days.Select(d => RelativeRotation.Calculate(pair, parameters, d).Value[^1].Quadrant).ToArray();
        return quadrants.Zip(quadrants.Skip(1), (x, y) => x != y ? 1 : 0).Sum();
    }

    private static double ZOfLastTwo(double current, double previous) => current == previous ? 0 : current > previous ? 1 : -1;
}
