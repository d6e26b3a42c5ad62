using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Records;
using RotationAnalytics.Domain.Series;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.Records;

public class RecordCloseReportTests
{
    // Hand-worked: closes 10, 12, 11, 12, 13, 9 on d0..d5 (d4 = Fri 2024-01-05, d5 = Mon 2024-01-08).
    // Records: d1 (12 > 10), d4 (13 > 12); d3 equals the high and is not a record; d0 has nothing before it.
    private static readonly PriceBar[] Bars = FromCloses(10, 12, 11, 12, 13, 9);

    [Fact]
    public void Window_records_latest_high_days_since_and_drawdown()
    {
        var report = RecordCloseReport.Compute(Bars, Day(0), Day(5)).Value;

        report.RecordDates.Should().Equal(new PricePoint(Day(1), 12), new PricePoint(Day(4), 13));
        report.RecordCount.Should().Be(2);
        report.AllTimeHigh.Should().Be(new PricePoint(Day(4), 13));
        report.End.Should().Be(new PricePoint(Day(5), 9));
        report.TradingDaysSinceHigh.Should().Be(1);
        report.CalendarDaysSinceHigh.Should().Be(3);
        report.Drawdown.Should().BeApproximately((9.0 / 13) - 1, 1e-15);
    }

    [Fact]
    public void An_equal_close_keeps_the_date_the_high_was_first_reached()
    {
        var report = RecordCloseReport.Compute(Bars, Day(2), Day(3)).Value;

        report.RecordDates.Should().BeEmpty();
        report.AllTimeHigh.Should().Be(new PricePoint(Day(1), 12));
        report.TradingDaysSinceHigh.Should().Be(2);
        report.Drawdown.Should().Be(0);
    }

    [Fact]
    public void A_single_bar_is_its_own_high_but_not_a_record()
    {
        var report = RecordCloseReport.Compute(FromCloses(7), Day(0), Day(0)).Value;

        report.RecordCount.Should().Be(0);
        report.AllTimeHigh.Should().Be(new PricePoint(Day(0), 7));
        report.TradingDaysSinceHigh.Should().Be(0);
        report.Drawdown.Should().Be(0);
    }

    [Fact]
    public void Invalid_or_insufficient_inputs_give_typed_errors()
    {
        RecordCloseReport.Compute(Bars, Day(3), Day(1)).Error!.Kind.Should().Be(DomainErrorKind.InvalidArgument);
        RecordCloseReport.Compute(Bars, Day(0).AddDays(-9), Day(0).AddDays(-1)).Error!.Should().Be(
            DomainError.InsufficientData(DomainInput.To, "No close on or before 2023-12-31."));
        RecordCloseReport.Compute([], Day(0), Day(1)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        RecordCloseReport.Compute(FromCloses(1, double.NaN), Day(0), Day(1)).Error!.Kind.Should().Be(DomainErrorKind.InvalidArgument);
    }
}
