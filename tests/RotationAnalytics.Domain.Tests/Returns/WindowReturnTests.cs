using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.Returns;

public class WindowReturnTests
{
    [Fact]
    public void Year_to_date_uses_the_last_close_of_the_previous_year()
    {
        // Hand-worked: closes 2023-12-29 = 200, 2024-01-02 = 210, 2024-01-03 = 190; from Jan 1 → base 200, end 190.
        PriceBar[] bars = [Bar(new(2023, 12, 29), 200), Bar(new(2024, 1, 2), 210, open: 205), Bar(new(2024, 1, 3), 190)];

        var ytd = WindowReturn.Compute(bars, new(2024, 1, 1), new(2024, 1, 31)).Value;
        var fromOpen = WindowReturn.Compute(bars, new(2024, 1, 1), new(2024, 1, 31), PriceBasis.Open).Value;

        ytd.Should().Be(new WindowReturn(new PricePoint(new(2023, 12, 29), 200), new PricePoint(new(2024, 1, 3), 190), (190.0 / 200) - 1, 2));
        fromOpen.Should().Be(new WindowReturn(new PricePoint(new(2024, 1, 2), 205), new PricePoint(new(2024, 1, 3), 190), (190.0 / 205) - 1, 2));
    }

    [Fact]
    public void Daily_returns_of_a_gap_series_are_between_consecutive_bars()
    {
        var returns = DailyReturn.Compute(FromCloses(100, 110, 99)).Value;

        returns.Should().Equal(new DailyReturn(Day(1), 0.10000000000000009), new DailyReturn(Day(2), -0.09999999999999998)); // 110/100 − 1, 99/110 − 1 in binary64
        DailyReturn.Compute(FromCloses(5)).Value.Should().BeEmpty();
        DailyReturn.Compute([]).Value.Should().BeEmpty();
    }

    [Fact]
    public void Invalid_windows_give_typed_errors()
    {
        var bars = FromCloses(1, 2, 3);

        WindowReturn.Compute(bars, Day(2), Day(1)).Error!.Kind.Should().Be(DomainErrorKind.InvalidArgument);
        WindowReturn.Compute(bars, Day(0), Day(2)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        WindowReturn.Compute(bars, Day(5), Day(9)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        WindowReturn.Compute([], Day(0), Day(9)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        WindowReturn.Compute(bars, Day(0), Day(0).AddDays(-3)).Error!.Kind.Should().Be(DomainErrorKind.InvalidArgument);
        WindowReturn.Compute([Bar(Day(0), 1), Bar(Day(1), 1, open: 0)], Day(1), Day(1), PriceBasis.Open).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
    }
}
