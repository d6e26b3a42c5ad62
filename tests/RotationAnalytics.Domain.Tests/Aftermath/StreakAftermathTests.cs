using RotationAnalytics.Domain.Aftermath;
using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;
using RotationAnalytics.Domain.Tests.Naive;
using RotationAnalytics.Domain.Tests.Support;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.Aftermath;

public class StreakAftermathTests
{
    // B flat at 100, so day t is a win when A rises, a loss when it falls, a tie when it is unchanged.
    // index: 0:100  1:101 W  2:102 W  3:103 W  4:102 L  5:103 W  6:104 W  7:104 tie  8:105 W  9:100 L  10:101 W
    // streaks: out 1..3 (3), under 4 (1), out 5..6 (2), [tie 7], out 8 (1), under 9 (1), out 10 (1, running on day 10).
    private static readonly AlignedPair Pair = AlignedPair.Align(
        FromCloses(100, 101, 102, 103, 102, 103, 104, 104, 105, 100, 101), FromCloses(Enumerable.Repeat(100.0, 11).ToArray())).Value;

    [Fact]
    public void Hand_worked_defaults_follow_the_running_streak()
    {
        // Current = outperform, length 1 → direction outperform, minLength 1; events end on days 3, 6 and 8 (day 10's
        // streak is still running). Horizons 1, 2, 5 (B flat, so excess = return):
        //   e=3 (103): +1 → 102/103 − 1; +2 → 103/103 − 1 = 0; +5 → day 8, 105/103 − 1
        //   e=6 (104): +1 → 0; +2 → 105/104 − 1; +5 → day 11 > asOf → null
        //   e=8 (105): +1 → 100/105 − 1; +2 → 101/105 − 1; +5 → null
        // h=1: {−1/103, 0, −5/105}: mean (−1/103 − 5/105)/3, median −1/103, share 0, min −5/105, max 0.
        // h=2: {0, 1/104, −4/105}: median 0, share 1/3. h=5: {2/103}.
        var report = StreakAftermath.Analyze(Pair, horizons: [1, 2, 5]).Value;

        report.Should().Match<AftermathReport>(r => r.AsOf == Day(10) && r.Direction == StreakDirection.Outperform && r.MinLength == 1);
        report.Current!.Streak.Length.Should().Be(1);
        report.Events.Select(e => (e.Streak.StartDate, e.Streak.EndDate, e.EndIndex)).Should().Equal((Day(1), Day(3), 3), (Day(5), Day(6), 6), (Day(8), Day(8), 8));
        report.Events[0].Forward.Should().Equal(
            new ForwardReturn(Day(4), (102.0 / 103) - 1, 0, (102.0 / 103) - 1),
            new ForwardReturn(Day(5), 0, 0, 0),
            new ForwardReturn(Day(8), (105.0 / 103) - 1, 0, (105.0 / 103) - 1));
        report.Events[1].Forward[2].Should().BeNull();
        report.Events[2].Forward[1]!.Value.ExcessReturn.Should().Be((101.0 / 105) - 1);

        report.Summary[0].Should().Match<AftermathSummary>(s => s.Horizon == 1 && s.Count == 3 && s.ShareOutperforming == 0 &&
            s.MedianExcessReturn == (102.0 / 103) - 1 && s.MinExcessReturn == (100.0 / 105) - 1 && s.MaxExcessReturn == 0);
        report.Summary[0].MeanExcessReturn!.Value.Should().BeApproximately(((102.0 / 103) - 1 + ((100.0 / 105) - 1)) / 3, 1e-16);
        report.Summary[1].Should().Match<AftermathSummary>(s => s.Count == 3 && s.MedianExcessReturn == 0 && s.ShareOutperforming == 1.0 / 3);
        report.Summary[2].Should().Match<AftermathSummary>(s => s.Count == 1 && s.MedianExcessReturn == (105.0 / 103) - 1 && s.MeanReturn == (105.0 / 103) - 1);
    }

    [Fact]
    public void Explicit_direction_and_length_and_an_even_median()
    {
        var longer = StreakAftermath.Analyze(Pair, minLength: 2, horizons: [2]).Value;
        var under = StreakAftermath.Analyze(Pair, direction: StreakDirection.Underperform, horizons: [1]).Value;
        var underShort = StreakAftermath.Analyze(Pair, direction: StreakDirection.Underperform, minLength: 1, horizons: [1]).Value;

        longer.Events.Select(e => e.Streak.EndDate).Should().Equal(Day(3), Day(6));
        longer.Summary[0].MedianExcessReturn.Should().Be((0 + ((105.0 / 104) - 1)) / 2); // two values: their mean
        under.MinLength.Should().Be(StreakAftermath.DefaultMinLength); // the current streak has the other direction
        under.Events.Should().BeEmpty();
        under.Summary[0].Should().Be(new AftermathSummary(1, 0, null, null, null, null, null, null));
        underShort.Events.Select(e => e.Streak.EndDate).Should().Equal(Day(4), Day(9));
        underShort.Events.Select(e => e.Forward[0]!.Value.Return).Should().Equal((103.0 / 102) - 1, (101.0 / 100) - 1);
    }

    [Fact]
    public void A_tie_on_as_of_leaves_no_current_streak_and_the_streak_it_ended_is_an_event()
    {
        var onTie = StreakAftermath.Analyze(Pair, Day(7), minLength: 1, horizons: [1]).Value;
        var defaults = StreakAftermath.Analyze(Pair, Day(7)).Value;
        var running = StreakAftermath.Analyze(Pair, Day(6), minLength: 2, horizons: [1]).Value;

        onTie.Current.Should().BeNull();
        onTie.Events.Select(e => e.Streak.EndDate).Should().Equal(Day(3), Day(6));
        onTie.Events[1].Forward[0]!.Value.Date.Should().Be(Day(7));
        defaults.Should().Match<AftermathReport>(r => r.Direction == StreakDirection.Outperform && r.MinLength == 10 && r.Horizons.SequenceEqual(new[] { 5, 21, 63, 126 }));
        running.Events.Select(e => e.Streak.EndDate).Should().Equal(Day(3));
        running.Events[0].Forward[0]!.Value.Date.Should().Be(Day(4));
    }

    [Fact]
    public void Rut_vs_spx_outperformance_runs_of_ten_days_match_pandas()
    {
        // pandas (script in Aftermath/PandasAftermathReference): 8 events 1991-02-05 .. 2026-01-22 as of 2026-08-21.
        var pair = AlignedPair.Align(MarketData.Load("RUT"), MarketData.Load("SPX")).Value;

        var report = StreakAftermath.Analyze(pair, new DateOnly(2026, 8, 21), StreakDirection.Outperform, 10).Value;

        report.Events.Select(e => e.Streak.EndDate.ToString("yyyy-MM-dd", null)).Should().Equal(
            "1991-02-05", "1996-05-07", "2000-06-09", "2001-12-18", "2002-04-15", "2003-06-02", "2008-06-06", "2026-01-22");
        report.Events[6].Forward[3]!.Value.Date.Should().Be(new DateOnly(2008, 12, 4));
        report.Events[6].Forward[3]!.Value.ExcessReturn.Should().BeApproximately(-0.027512078618878166, 1e-15);
        report.Events[7].Forward[1]!.Value.ExcessReturn.Should().BeApproximately(-0.025029428715990565, 1e-15);
        ShouldMatch(report.Summary[0], 5, 8, -0.011798636232925444, -0.008675241946995316, 0.125, -0.03158746814156976, 0.004037501294243739, 0.002672620651267013);
        ShouldMatch(report.Summary[1], 21, 8, -0.0017330289817606565, -0.006568326944293934, 0.25, -0.025029428715990565, 0.046069068606203745, 0.006249324899421274);
        ShouldMatch(report.Summary[2], 63, 8, 0.014317637839107347, 0.015074618337236556, 0.5, -0.09669205324921659, 0.08399902257901637, 0.009726468198434021);
        ShouldMatch(report.Summary[3], 126, 8, -0.003038538613813327, -0.010972263475657218, 0.5, -0.12391087519903532, 0.14037580812498462, -0.05713985581918886);

        // As of 2026-03-31 the January 2026 run is complete for 5 and 21 days only.
        var earlier = StreakAftermath.Analyze(pair, new DateOnly(2026, 3, 31), StreakDirection.Outperform, 10).Value;
        earlier.Events[^1].Forward.Select(f => f is null).Should().Equal(false, false, true, true);
        ShouldMatch(earlier.Summary[2], 63, 7, 0.01743367193788297, 0.031756767945519515, 0.5714285714285714, -0.09669205324921659, 0.08399902257901637, 0.008156116791829291);
        ShouldMatch(earlier.Summary[3], 126, 7, -0.004267980082581478, -0.027512078618878166, 0.42857142857142855, -0.12391087519903532, 0.14037580812498462, -0.07640172401723096);
    }

    [Fact]
    public void The_january_2026_run_defaults_to_its_own_length_and_finds_1996()
    {
        // pandas: as of 2026-01-22 the current outperformance streak is 14 days → minLength 14; one event, 1996's 16 days.
        var pair = AlignedPair.Align(MarketData.Load("RUT"), MarketData.Load("SPX")).Value;

        var report = StreakAftermath.Analyze(pair, new DateOnly(2026, 1, 22)).Value;

        report.Should().Match<AftermathReport>(r => r.Direction == StreakDirection.Outperform && r.MinLength == 14 && r.Events.Length == 1);
        report.Events[0].Streak.Should().Match<OutperformanceStreak>(s => s.StartDate == new DateOnly(1996, 4, 16) && s.Length == 16);
        ShouldMatch(report.Summary[2], 63, 1, -0.09669205324921659, -0.09669205324921659, 0, -0.09669205324921659, -0.09669205324921659, -0.05890181102817804);
    }

    [Fact]
    public void Iwm_vs_spy_underperformance_matches_pandas()
    {
        var pair = AlignedPair.Align(MarketData.Load("IWM"), MarketData.Load("SPY")).Value;

        var report = StreakAftermath.Analyze(pair, new DateOnly(2026, 2, 27), StreakDirection.Underperform, 7, [1, 21, 126]).Value;

        report.Events.Should().HaveCount(14);
        report.Events[^1].Forward[2]!.Value.Date.Should().Be(new DateOnly(2026, 2, 2));
        ShouldMatch(report.Summary[0], 1, 14, 0.008486993149910147, 0.004534337446098269, 1.0, 0.0003919993889600626, 0.03688670351105339, 0.009333906379377286);
        ShouldMatch(report.Summary[1], 21, 14, 0.006569998163048406, 0.003673404567162475, 0.5714285714285714, -0.028249349514714583, 0.058475347636119945, 0.03441886448269824);
        ShouldMatch(report.Summary[2], 126, 14, 0.012163337693526748, -0.008898223062601351, 0.42857142857142855, -0.07441647877730995, 0.13691459937981376, 0.10779706491216169);
    }

    [Theory]
    [InlineData("RUT", "SPX")]
    [InlineData("IWM", "SPY")]
    [InlineData("XLK", "SPY")]
    public void Agrees_with_the_naive_study_on_whole_real_histories(string a, string b)
    {
        var pair = AlignedPair.Align(MarketData.Load(a), MarketData.Load(b)).Value;
        int[] horizons = [1, 5, 21, 63, 126, 252];
        var random = new Random(8);
        for (var sample = 0; sample < 12; sample++)
        {
            var end = sample == 0 ? pair.Count - 1 : random.Next(300, pair.Count);
            var direction = sample % 2 == 0 ? StreakDirection.Outperform : StreakDirection.Underperform;
            var minLength = 4 + (sample % 5);
            var report = StreakAftermath.Analyze(pair, pair.Dates[end], direction, minLength, horizons).Value;
            var naive = NaiveAftermath.Events(pair, end, direction, minLength, horizons);

            report.Events.Select(e => e.Streak).Should().Equal(naive.Select(e => e.Streak), (x, y) =>
                x.StartDate == y.StartDate && x.EndDate == y.EndDate && x.Length == y.Length && x.Direction == y.Direction);
            for (var k = 0; k < naive.Count; k++)
            {
                report.Events[k].Forward.Select(f => f is { } v ? (v.Date, v.Return, v.ExcessReturn) : ((DateOnly, double, double)?)null)
                    .Should().Equal(naive[k].Forward);
            }

            for (var i = 0; i < horizons.Length; i++)
            {
                var expected = NaiveAftermath.Summary(naive, i);
                var actual = report.Summary[i];
                actual.Count.Should().Be(expected.Count);
                if (expected.Count > 0)
                {
                    ShouldMatch(actual, horizons[i], expected.Count, expected.Mean, expected.Median, expected.Share, expected.Min, expected.Max, expected.MeanReturn);
                }
            }
        }
    }

    [Fact]
    public void Invalid_or_insufficient_inputs_give_typed_errors()
    {
        StreakAftermath.Analyze(Pair, minLength: 0).Error!.Input.Should().Be(DomainInput.MinLength);
        StreakAftermath.Analyze(Pair, direction: (StreakDirection)5).Error!.Input.Should().Be(DomainInput.Direction);
        StreakAftermath.Analyze(Pair, horizons: []).Error!.Input.Should().Be(DomainInput.Horizons);
        StreakAftermath.Analyze(Pair, horizons: [5, 0]).Error!.Message.Should().Contain("0 is not");
        StreakAftermath.Analyze(Pair, horizons: [5, 21, 5]).Error!.Message.Should().Be("horizons lists 5 more than once.");
        StreakAftermath.Analyze(Pair, Day(0)).Error!.Should().Match<DomainError>(e => e.Kind == DomainErrorKind.InsufficientData && e.Input == DomainInput.AsOf);
        StreakAftermath.Analyze(Pair, horizons: [int.MaxValue]).Value.Summary[0].Count.Should().Be(0);
    }

    [Fact]
    public void A_page_of_events_keeps_the_summaries_of_all_of_them()
    {
        var pair = AlignedPair.Align(MarketData.Load("RUT"), MarketData.Load("SPX")).Value;
        var all = StreakAftermath.Analyze(pair, null, StreakDirection.Outperform, 2).Value;

        var page = StreakAftermath.Analyze(pair, null, StreakDirection.Outperform, 2, null, 100, 50).Value;
        var beyond = StreakAftermath.Analyze(pair, null, StreakDirection.Outperform, 2, null, all.EventsTotal + 5, 10).Value;

        all.EventsTotal.Should().Be(all.Events.Length).And.BeGreaterThan(150);
        page.EventsTotal.Should().Be(all.EventsTotal);
        page.Events.Should().BeEquivalentTo(all.Events[100..150], o => o.WithStrictOrdering());
        page.Summary.Should().Equal(all.Summary);
        beyond.Events.Should().BeEmpty();
        StreakAftermath.Analyze(pair, null, null, null, null, -1, 5).Error!.Input.Should().Be(DomainInput.HistoryOffset);
        StreakAftermath.Analyze(pair, null, null, null, null, 0, -1).Error!.Input.Should().Be(DomainInput.HistoryCount);
    }

    [Fact]
    public void The_median_by_selection_equals_the_sorted_median()
    {
        var random = new Random(5);
        for (var n = 1; n <= 400; n++)
        {
            // Repeated values included: rounding to a few steps makes ties common.
            var values = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * (n % 3 == 0 ? 4 : 1000))).ToArray();
            var sorted = values.Order().ToArray();
            var expected = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;

            StreakAftermath.Median(values.ToArray()).Should().Be(expected);
            StreakAftermath.Median(sorted.ToArray()).Should().Be(expected);
            StreakAftermath.Median(sorted.Reverse().ToArray()).Should().Be(expected);
        }
    }

    private static void ShouldMatch(AftermathSummary actual, int horizon, int count, double mean, double median, double share, double min, double max, double meanReturn)
    {
        actual.Horizon.Should().Be(horizon);
        actual.Count.Should().Be(count);
        actual.MeanExcessReturn!.Value.Should().BeApproximately(mean, 1e-15);
        actual.MedianExcessReturn!.Value.Should().BeApproximately(median, 1e-15);
        actual.ShareOutperforming!.Value.Should().BeApproximately(share, 1e-15);
        actual.MinExcessReturn.Should().Be(min);
        actual.MaxExcessReturn.Should().Be(max);
        actual.MeanReturn!.Value.Should().BeApproximately(meanReturn, 1e-15);
    }
}
