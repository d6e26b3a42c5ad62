using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.RelativePerformance;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.RelativePerformance;

public class RelativePerformanceReportTests
{
    // Hand-worked: A closes 100, 102, 101, 104 and B closes 50, 50.5, 51, 51 on d0..d3; opens on d1: A 101, B 50.25.
    private static readonly AlignedPair Pair = AlignedPair.Align(
        [Bar(Day(0), 100), Bar(Day(1), 102, open: 101), Bar(Day(2), 101), Bar(Day(3), 104)],
        [Bar(Day(0), 50), Bar(Day(1), 50.5, open: 50.25), Bar(Day(2), 51), Bar(Day(3), 51)]).Value;

    [Fact]
    public void Close_basis_window_from_d1_takes_the_d0_close_as_base()
    {
        var report = RelativePerformanceReport.Compute(Pair, Day(1), Day(3), PriceBasis.Close, includeRsLine: true).Value;

        report.Base.Should().Be(new PricePoint(Day(0), 100));
        report.End.Should().Be(new PricePoint(Day(3), 104));
        report.BenchmarkBase.Should().Be(new PricePoint(Day(0), 50));
        report.BenchmarkEnd.Should().Be(new PricePoint(Day(3), 51));
        report.Return.Should().BeApproximately(0.04, 1e-15);          // 104/100 − 1
        report.BenchmarkReturn.Should().BeApproximately(0.02, 1e-15); // 51/50 − 1
        report.ExcessReturn.Should().BeApproximately(0.02, 1e-15);
        report.RatioReturn.Should().BeApproximately(0.019607843137254902, 1e-15); // 1.04/1.02 − 1
        report.TradingDays.Should().Be(3);
        // rA − rB per day: 0.02 − 0.01; (101/102 − 1) − (51/50.5 − 1); 104/101 − 1 − 0 → mean 0.0066660195431…
        report.AverageDailyExcessReturn.Should().BeApproximately(((0.02 - 0.01) + ((101.0 / 102) - (51 / 50.5)) + ((104.0 / 101) - 1)) / 3, 1e-15);
        report.OutperformingDays.Should().Be(2);
        report.OutperformingShare.Should().BeApproximately(2.0 / 3, 1e-15);
        report.RsLine!.Select(p => p.Date).Should().Equal(Day(1), Day(2), Day(3));
        report.RsLine!.Select(p => p.Value).Should().Equal(
            [100 * 1.02 / 1.01, 100 * 1.01 / 1.02, 100 * 1.04 / 1.02], (actual, expected) => Math.Abs(actual - expected) < 1e-12);
        report.CommonDates.Should().Be(new CommonDates(Day(0), Day(3), 4, 0));
    }

    [Fact]
    public void Open_basis_measures_the_first_day_from_its_open()
    {
        var report = RelativePerformanceReport.Compute(Pair, Day(1), Day(3), PriceBasis.Open).Value;

        report.Base.Should().Be(new PricePoint(Day(1), 101));
        report.BenchmarkBase.Should().Be(new PricePoint(Day(1), 50.25));
        report.Return.Should().BeApproximately((104.0 / 101) - 1, 1e-15);
        report.BenchmarkReturn.Should().BeApproximately((51 / 50.25) - 1, 1e-15);
        report.TradingDays.Should().Be(3);
        var firstDayExcess = ((102.0 / 101) - 1) - ((50.5 / 50.25) - 1);
        report.AverageDailyExcessReturn.Should().BeApproximately((firstDayExcess + ((101.0 / 102) - (51 / 50.5)) + ((104.0 / 101) - 1)) / 3, 1e-15);
        report.RsLine.Should().BeNull();
    }

    [Fact]
    public void A_single_day_window_and_a_window_of_one_bar()
    {
        var report = RelativePerformanceReport.Compute(Pair, Day(3), Day(3)).Value;

        report.TradingDays.Should().Be(1);
        report.Return.Should().BeApproximately((104.0 / 101) - 1, 1e-15);
        report.OutperformingDays.Should().Be(1);
    }

    [Fact]
    public void Windows_that_cannot_be_served_give_typed_errors()
    {
        RelativePerformanceReport.Compute(Pair, Day(3), Day(1)).Error!.Should().Be(
            DomainError.InvalidArgument(DomainInput.From, "from (2024-01-04) must not be after to (2024-01-02)."));
        RelativePerformanceReport.Compute(Pair, Day(0), Day(3)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData); // no base before d0
        RelativePerformanceReport.Compute(Pair, Day(0), Day(3), PriceBasis.Open).Value.TradingDays.Should().Be(4);
        RelativePerformanceReport.Compute(Pair, Day(10), Day(12)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        RelativePerformanceReport.Compute(Pair, Day(1), Day(3), (PriceBasis)7).Error!.Input.Should().Be(DomainInput.Basis);
        var empty = AlignedPair.Align([], []).Value;
        RelativePerformanceReport.Compute(empty, Day(1), Day(3)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        var noOpen = AlignedPair.Align([Bar(Day(0), 1), Bar(Day(1), 2, open: 0)], FromCloses(1, 2)).Value;
        RelativePerformanceReport.Compute(noOpen, Day(1), Day(1), PriceBasis.Open).Error!.Input.Should().Be(DomainInput.SeriesA);
    }
}
