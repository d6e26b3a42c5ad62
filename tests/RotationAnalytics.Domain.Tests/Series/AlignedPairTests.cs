using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Tests.Support;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.Series;

public class AlignedPairTests
{
    [Fact]
    public void Joins_on_common_dates_and_counts_only_gaps_inside_the_common_span()
    {
        // Hand-worked: A trades d1..d5, B trades d0 (before A starts), d1, d2, d4, d5, d6 (after A ends).
        // Common: d1, d2, d4, d5. Skipped inside the span: d3 (A only). d0 and d6 lie outside the span.
        PriceBar[] a = [Bar(Day(1), 11), Bar(Day(2), 12), Bar(Day(3), 13), Bar(Day(4), 14), Bar(Day(5), 15)];
        PriceBar[] b = [Bar(Day(0), 20), Bar(Day(1), 21), Bar(Day(2), 22), Bar(Day(4), 24), Bar(Day(5), 25), Bar(Day(6), 26)];

        var pair = AlignedPair.Align(a, b).Value;

        pair.Dates.Should().Equal(Day(1), Day(2), Day(4), Day(5));
        pair.ClosesA.Should().Equal(11, 12, 14, 15);
        pair.ClosesB.Should().Equal(21, 22, 24, 25);
        pair.SkippedDates.Should().Equal(Day(3));
        pair.DescribeThrough(3).Should().Be(new CommonDates(Day(1), Day(5), 4, 1));
        pair.DescribeThrough(1).Should().Be(new CommonDates(Day(1), Day(2), 2, 0));
    }

    [Fact]
    public void Disjoint_or_empty_series_align_to_an_empty_pair()
    {
        AlignedPair.Align(FromCloses(Day(0), 1, 2), FromCloses(Day(5), 1, 2)).Value.Count.Should().Be(0);
        AlignedPair.Align([], FromCloses(1, 2)).Value.Count.Should().Be(0);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Rejects_a_close_that_is_not_finite_and_positive(double close)
    {
        var error = AlignedPair.Align(FromCloses(1, close, 3), FromCloses(1, 2, 3)).Error;

        error.Should().Be(DomainError.InvalidArgument(DomainInput.SeriesA, error!.Message));
        error.Message.Should().Contain("2024-01-02");
    }

    [Fact]
    public void Rejects_unsorted_or_duplicate_dates_and_a_NaN_open()
    {
        PriceBar[] unsorted = [Bar(Day(1), 1), Bar(Day(0), 1)];
        PriceBar[] duplicate = [Bar(Day(0), 1), Bar(Day(0), 1)];
        PriceBar[] nanOpen = [Bar(Day(0), 1, double.NaN)];

        AlignedPair.Align(FromCloses(1), unsorted).Error!.Kind.Should().Be(DomainErrorKind.InvalidArgument);
        AlignedPair.Align(FromCloses(1), duplicate).Error!.Input.Should().Be(DomainInput.SeriesB);
        AlignedPair.Align(nanOpen, FromCloses(1)).Error!.Input.Should().Be(DomainInput.SeriesA);
    }

    [Fact]
    public void Accepts_any_read_only_list_not_only_arrays()
    {
        var list = new List<PriceBar>(FromCloses(1, 2, 3));
        var readOnly = FromCloses(4, 5, 6).AsReadOnly();

        var pair = AlignedPair.Align(list, readOnly).Value;

        pair.ClosesA.Should().Equal(1, 2, 3);
        pair.ClosesB.Should().Equal(4, 5, 6);
    }
}
