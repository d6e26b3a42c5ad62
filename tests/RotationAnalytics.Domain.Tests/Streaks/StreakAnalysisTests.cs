using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;
using static RotationAnalytics.Domain.Streaks.StreakDirection;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.Streaks;

public class StreakAnalysisTests
{
    // Hand-worked: B is flat (rB = 0), so day t is a win when A rises, a loss when it falls, a tie when flat.
    // A:      100  101  102  101  101  102  103  104  103  102  103  104
    // day:    d0   d1   d2   d3   d4   d5   d6   d7   d8   d9   d10  d11
    // result:      W    W    L    tie  W    W    W    L    L    W    W
    // Streaks: O d1–d2 (2), U d3 (1), O d5–d7 (3), U d8–d9 (2), O d10–d11 (2, current).
    private static readonly AlignedPair Pair = AlignedPair.Align(
        FromCloses(100, 101, 102, 101, 101, 102, 103, 104, 103, 102, 103, 104),
        FromCloses(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100)).Value;

    [Fact]
    public void Current_streak_is_ranked_among_earlier_streaks_of_its_direction()
    {
        var report = StreakAnalysis.Analyze(Pair).Value;

        report.AsOf.Should().Be(Day(11));
        var current = report.Current!;
        current.Streak.Direction.Should().Be(Outperform);
        current.Streak.Length.Should().Be(2);
        current.Streak.StartDate.Should().Be(Day(10));
        current.Streak.EndDate.Should().Be(Day(11));
        // 104/102 − 1 − 0 = 0.0196078431372549…; mean of (103/102 − 1, 104/103 − 1) = 0.0097563297163525…
        current.Streak.CumulativeExcessReturn.Should().BeApproximately(0.019607843137254902, 1e-15);
        current.Streak.AverageDailyExcessReturn.Should().BeApproximately(0.009756329716352557, 1e-15);
        current.Rank.Should().Be(2); // only O d5–d7 (3) is strictly longer
        current.IsRecord.Should().BeFalse();
        current.TiesRecord.Should().BeFalse();
        current.PreviousAtLeastAsLong!.Value.StartDate.Should().Be(Day(5)); // most recent earlier O with length ≥ 2
        current.PreviousAtLeastAsLong!.Value.Length.Should().Be(3);
    }

    [Fact]
    public void Records_and_history_are_longest_first_then_most_recent_first()
    {
        var report = StreakAnalysis.Analyze(Pair, minLength: 2).Value;

        report.LongestOutperform!.Value.StartDate.Should().Be(Day(5));
        report.LongestUnderperform!.Value.StartDate.Should().Be(Day(8));
        report.LongestUnderperform!.Value.Length.Should().Be(2);
        report.History.Select(s => (s.Direction, s.Length, s.StartDate, s.EndDate)).Should().Equal(
            (Outperform, 3, Day(5), Day(7)),
            (Outperform, 2, Day(10), Day(11)),
            (Underperform, 2, Day(8), Day(9)),
            (Outperform, 2, Day(1), Day(2)));
        report.History[2].CumulativeExcessReturn.Should().BeApproximately((102.0 / 104) - 1, 1e-15);
        report.CommonDates.Should().Be(new CommonDates(Day(0), Day(11), 12, 0));
    }

    [Fact]
    public void As_of_a_past_date_only_data_up_to_it_counts()
    {
        var report = StreakAnalysis.Analyze(Pair, Day(7)).Value;

        report.Current!.Streak.Length.Should().Be(3);
        report.Current.Rank.Should().Be(1);
        report.Current.IsRecord.Should().BeTrue();
        report.Current.PreviousAtLeastAsLong.Should().BeNull();
        report.History.Should().HaveCount(3); // O d1–d2, U d3, O d5–d7
        report.LongestUnderperform!.Value.Length.Should().Be(1);
        report.CommonDates.Count.Should().Be(8);
    }

    [Fact]
    public void As_of_a_non_trading_date_uses_the_last_common_date_before_it()
    {
        // Day(4) is a Friday (2024-01-05); the weekend after it is not a common date.
        StreakAnalysis.Analyze(Pair, Day(4).AddDays(1)).Value.AsOf.Should().Be(Day(4));
    }

    [Fact]
    public void A_tie_on_the_as_of_date_leaves_no_current_streak()
    {
        var report = StreakAnalysis.Analyze(Pair, Day(4)).Value;

        report.Current.Should().BeNull();
        report.History.Should().HaveCount(2);
    }

    [Fact]
    public void The_first_streak_ever_is_a_record_and_an_equal_later_one_ties_it()
    {
        // A: 100 101 102 101 102 103, B flat: O d1–d2, U d3, O d4–d5.
        var pair = AlignedPair.Align(FromCloses(100, 101, 102, 101, 102, 103), FromCloses(5, 5, 5, 5, 5, 5)).Value;

        var first = StreakAnalysis.Analyze(pair, Day(2)).Value.Current!;
        var tie = StreakAnalysis.Analyze(pair).Value.Current!;

        first.IsRecord.Should().BeTrue();
        first.TiesRecord.Should().BeFalse();
        tie.IsRecord.Should().BeFalse();
        tie.TiesRecord.Should().BeTrue();
        tie.Rank.Should().Be(1);
        tie.PreviousAtLeastAsLong!.Value.EndDate.Should().Be(Day(2));
    }

    [Fact]
    public void Identical_series_tie_every_day_and_have_no_streaks()
    {
        var pair = AlignedPair.Align(FromCloses(1, 2, 3, 3), FromCloses(2, 4, 6, 6)).Value;

        var report = StreakAnalysis.Analyze(pair).Value;

        report.Current.Should().BeNull();
        report.History.Should().BeEmpty();
        report.LongestOutperform.Should().BeNull();
        report.LongestUnderperform.Should().BeNull();
    }

    [Fact]
    public void Streaks_skip_dates_missing_from_one_series()
    {
        // B lacks d2, so the returns are d1 (vs d0) and d3 (vs d1): A +1 % then +1.98 %, B +1 % then +3 %.
        var a = FromCloses(100, 101, 500, 103);
        var b = new[] { Bar(Day(0), 100), Bar(Day(1), 101), Bar(Day(3), 104.03) };

        var report = StreakAnalysis.Analyze(AlignedPair.Align(a, b).Value).Value;

        report.Current!.Streak.Should().Be(new OutperformanceStreak(Underperform, 1, Day(3), Day(3), (103.0 / 101) - (104.03 / 101), (103.0 / 101) - 1 - ((104.03 / 101) - 1)));
        report.History.Should().HaveCount(1); // d1 is an exact tie (both +1 %)
        report.CommonDates.Should().Be(new CommonDates(Day(0), Day(3), 3, 1));
    }

    [Fact]
    public void Invalid_or_insufficient_inputs_give_typed_errors()
    {
        var onePoint = AlignedPair.Align(FromCloses(1), FromCloses(2)).Value;
        var empty = AlignedPair.Align([], []).Value;

        StreakAnalysis.Analyze(Pair, minLength: 0).Error!.Should().Match<DomainError>(e => e.Kind == DomainErrorKind.InvalidArgument && e.Input == DomainInput.MinLength);
        StreakAnalysis.Analyze(Pair, Day(0)).Error!.Should().Match<DomainError>(e => e.Kind == DomainErrorKind.InsufficientData && e.Input == DomainInput.AsOf);
        StreakAnalysis.Analyze(Pair, Day(0).AddDays(-30)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        StreakAnalysis.Analyze(onePoint).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        StreakAnalysis.Analyze(empty).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        StreakAnalysis.Analyze(Pair, minLength: 50).Value.History.Should().BeEmpty();
    }
}
