using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;
using RotationAnalytics.Domain.Tests.Naive;
using RotationAnalytics.Domain.Tests.Support;

namespace RotationAnalytics.Domain.Tests.RealData;

public class StreakRealDataTests
{
    private static readonly AlignedPair RutVsSpx = AlignedPair.Align(MarketData.Load("RUT"), MarketData.Load("SPX")).Value;

    [Fact]
    public void Rut_vs_spx_records_match_pandas()
    {
        // pandas (see PandasReference): 9811 common dates 1987-09-10..2026-08-21, 4870 streaks, 4948 win days,
        // longest outperformance 16 days 1996-04-16..1996-05-07 (cum 0.042983376273442175),
        // longest underperformance 13 days 2021-11-12..2021-12-01 (cum −0.07933490265145093), 11 streaks ≥ 10 days.
        var report = StreakAnalysis.Analyze(RutVsSpx, minLength: 1).Value;

        report.CommonDates.Should().Be(new CommonDates(new(1987, 9, 10), new(2026, 8, 21), 9811, 0));
        report.History.Should().HaveCount(4870);
        report.LongestOutperform!.Value.Should().Match<OutperformanceStreak>(s =>
            s.Length == 16 && s.StartDate == new DateOnly(1996, 4, 16) && s.EndDate == new DateOnly(1996, 5, 7));
        report.LongestOutperform!.Value.CumulativeExcessReturn.Should().BeApproximately(0.042983376273442175, 1e-12);
        report.LongestUnderperform!.Value.Should().Match<OutperformanceStreak>(s =>
            s.Length == 13 && s.StartDate == new DateOnly(2021, 11, 12) && s.EndDate == new DateOnly(2021, 12, 1));
        report.LongestUnderperform!.Value.CumulativeExcessReturn.Should().BeApproximately(-0.07933490265145093, 1e-12);
        StreakAnalysis.Analyze(RutVsSpx, minLength: 10).Value.History.Should().HaveCount(11);
    }

    [Fact]
    public void The_january_2026_small_cap_run_is_the_longest_since_1996()
    {
        // pandas: outperformance 2026-01-02..2026-01-22, 14 days, cum 0.08552294373601521, avg 0.0058316027316948306;
        // the only longer outperformance streak is 1996's 16 days, so rank 2 and "longest since 1996-05-07".
        var current = StreakAnalysis.Analyze(RutVsSpx, new DateOnly(2026, 1, 22)).Value.Current!;

        current.Streak.Should().Match<OutperformanceStreak>(s =>
            s.Direction == StreakDirection.Outperform && s.Length == 14 && s.StartDate == new DateOnly(2026, 1, 2));
        current.Streak.CumulativeExcessReturn.Should().BeApproximately(0.08552294373601521, 1e-12);
        current.Streak.AverageDailyExcessReturn.Should().BeApproximately(0.0058316027316948306, 1e-14);
        current.Rank.Should().Be(2);
        current.IsRecord.Should().BeFalse();
        current.TiesRecord.Should().BeFalse();
        current.PreviousAtLeastAsLong!.Value.EndDate.Should().Be(new DateOnly(1996, 5, 7));
    }

    [Theory]
    [InlineData("RUT", "SPX")]
    [InlineData("IWM", "SPY")]
    [InlineData("QQQ", "SPY")]
    public void Every_as_of_date_agrees_with_the_brute_force_implementation(string a, string b)
    {
        var pair = AlignedPair.Align(MarketData.Load(a), MarketData.Load(b)).Value;
        var random = new Random(20260122);
        for (var sample = 0; sample < 25; sample++)
        {
            var end = random.Next(1, pair.Count);
            var naive = NaiveStreaks.All(pair, end);
            var report = StreakAnalysis.Analyze(pair, pair.Dates[end], minLength: 3).Value;

            var expectedHistory = naive.Where(s => s.Length >= 3).OrderByDescending(s => s.Length).ThenByDescending(s => s.EndDate).ToList();
            report.History.Should().Equal(expectedHistory, SameStreak);
            var last = naive[^1];
            if (last.EndDate != pair.Dates[end])
            {
                report.Current.Should().BeNull();
                continue;
            }

            var earlier = naive.Take(naive.Count - 1).Where(s => s.Direction == last.Direction).ToList();
            report.Current!.Streak.Should().Match<OutperformanceStreak>(s => SameStreak(s, last));
            report.Current.Rank.Should().Be(1 + earlier.Count(s => s.Length > last.Length));
            report.Current.IsRecord.Should().Be(earlier.All(s => s.Length < last.Length));
            report.Current.TiesRecord.Should().Be(earlier.Count > 0 && earlier.Max(s => s.Length) == last.Length);
            report.Current.PreviousAtLeastAsLong?.EndDate.Should().Be(earlier.LastOrDefault(s => s.Length >= last.Length).EndDate);
        }
    }

    [Fact]
    public void Streak_lengths_of_one_direction_sum_to_its_win_or_loss_days()
    {
        var report = StreakAnalysis.Analyze(RutVsSpx).Value;
        int wins = 0, losses = 0;
        for (var t = 1; t < RutVsSpx.Count; t++)
        {
            var excess = (RutVsSpx.ClosesA[t] / RutVsSpx.ClosesA[t - 1]) - (RutVsSpx.ClosesB[t] / RutVsSpx.ClosesB[t - 1]);
            wins += excess > 0 ? 1 : 0;
            losses += excess < 0 ? 1 : 0;
        }

        report.History.Where(s => s.Direction == StreakDirection.Outperform).Sum(s => s.Length).Should().Be(wins).And.Be(4948);
        report.History.Where(s => s.Direction == StreakDirection.Underperform).Sum(s => s.Length).Should().Be(losses).And.Be(4862);
    }

    private static bool SameStreak(OutperformanceStreak actual, OutperformanceStreak expected) =>
        actual.Direction == expected.Direction && actual.Length == expected.Length &&
        actual.StartDate == expected.StartDate && actual.EndDate == expected.EndDate &&
        Math.Abs(actual.CumulativeExcessReturn - expected.CumulativeExcessReturn) < 1e-12 &&
        Math.Abs(actual.AverageDailyExcessReturn - expected.AverageDailyExcessReturn) < 1e-14;
}
