using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Horizons;
using RotationAnalytics.Domain.Indicators;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Tests.Support;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.Series;

public class ValidatedSeriesTests
{
    [Fact]
    public void Keeps_a_private_copy_so_later_changes_to_the_source_do_not_reach_it()
    {
        var bars = FromCloses(1, 2, 3);

        var validated = ValidatedSeries.Create(bars).Value;
        bars[1] = Bar(Day(1), double.NaN);

        validated.Should().HaveCount(3);
        validated[1].Close.Should().Be(2);
        validated.Select(b => b.Close).Should().Equal(1, 2, 3);
        ValidatedSeries.Create(validated).Value.Should().BeSameAs(validated);
    }

    [Fact]
    public void Rejects_what_validation_rejects_naming_the_input()
    {
        ValidatedSeries.Create([Bar(Day(1), 1), Bar(Day(0), 1)], DomainInput.Benchmark).Error!
            .Should().Match<DomainError>(e => e.Input == DomainInput.Benchmark && e.Kind == DomainErrorKind.InvalidArgument);
    }

    [Fact]
    public void Computations_give_the_same_results_from_a_validated_series()
    {
        var spy = MarketData.Load("SPY");
        var xlk = MarketData.Load("XLK");
        var asOf = new DateOnly(2026, 2, 28);

        var plain = MultiHorizonPerformance.Table([new("XLK", xlk)], spy, asOf).Value;
        var validated = MultiHorizonPerformance.Table([new("XLK", ValidatedSeries.Create(xlk).Value)], ValidatedSeries.Create(spy).Value, asOf).Value;

        validated.Rows[0].Performance!.Returns.Should().Equal(plain.Rows[0].Performance!.Returns);
        validated.Benchmark.Returns.Should().Equal(plain.Benchmark.Returns);
        AlignedPair.Align(ValidatedSeries.Create(xlk).Value, spy).Value.Dates.Should().Equal(AlignedPair.Align(xlk, spy).Value.Dates);
        WilderRsi.Calculate(ValidatedSeries.Create(spy).Value).Value.Should().Equal(WilderRsi.Calculate(spy).Value);
    }
}
