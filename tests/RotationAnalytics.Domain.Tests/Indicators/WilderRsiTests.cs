using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Indicators;
using RotationAnalytics.Domain.Series;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.Indicators;

public class WilderRsiTests
{
    // Wilder's worked example as published in StockCharts ChartSchool "Relative Strength Index (RSI)"
    // (https://school.stockcharts.com/doku.php?id=technical_indicators:relative_strength_index_rsi), quoted by SPEC §3.3.
    private static readonly double[] WilderCloses =
    [
        44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826, 45.8931,
        46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439, 46.2122, 46.2521,
        45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314,
    ];

    [Fact]
    public void Reproduces_Wilders_worked_example()
    {
        var points = WilderRsi.Calculate(FromCloses(WilderCloses)).Value;

        points.Take(14).Should().OnlyContain(p => p.Rsi == null);
        points[14].Rsi!.Value.Should().BeApproximately(70.53278948, 5e-9); // SPEC §3.3, 8 decimals
        points[32].Rsi!.Value.Should().BeApproximately(37.77295211, 5e-9);
        // The ChartSchool table's RSI column (2 decimals), days 15..33.
        double[] published = [70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46, 41.87, 45.46, 37.30, 33.08, 37.77];
        points.Skip(14).Select(p => Math.Round(p.Rsi!.Value, 2)).Should().Equal(published);
    }

    [Fact]
    public void Reproduces_the_tradingcampus_excel_example()
    {
        // "Calculation of RSI using Excel", https://www.tradingcampus.in/calculation-of-rsi-using-excel/ —
        // 26 daily closes of Nov/Dec 2015 and the sheet's Wilder RSI(14) column (13 significant digits).
        double[] closes =
        [
            1181.75000, 1154.59998, 1133.19995, 1132.15002, 1167.40002, 1122.90002, 1099.40002, 1097.59998, 1097.34998,
            1094.90002, 1111.94995, 1125.94995, 1138.40002, 1138.40002, 1149.90002, 1152.15002, 1149.40002, 1153.19995,
            1145.05005, 1135.44995, 1131.19995, 1145.50000, 1136.80005, 1122.90002, 1138.30005, 1134.59998,
        ];
        double[] published =
        [
            42.5005926536937, 43.1493029203699, 42.5179179330503, 43.7428880282025, 41.6908062815221, 39.3491114641621,
            38.3228784573702, 43.6482707530234, 41.3112644656890, 37.8265056442966, 43.5117944288356, 42.5060875015588,
        ];

        var points = WilderRsi.Calculate(FromCloses(closes)).Value;

        points.Skip(14).Select(p => p.Rsi!.Value).Should().Equal(published, (actual, expected) => Math.Abs(actual - expected) < 1e-9);
    }

    [Fact]
    public void Hand_worked_period_two_including_an_unchanged_day()
    {
        // Δ = +1, −0.5, 0, +1.5. Seed: gain (1+0)/2 = 0.5, loss (0+0.5)/2 = 0.25 → RS 2 → 66.67.
        // Then gain (0.5+0)/2 = 0.25, loss 0.125 → 66.67; gain (0.25+1.5)/2 = 0.875, loss 0.0625 → RS 14 → 93.33.
        var points = WilderRsi.Calculate(FromCloses(10, 11, 10.5, 10.5, 12), 2).Value;

        points.Select(p => p.Rsi).Should().Equal(null, null, 100 - (100 / 3.0), 100 - (100 / 3.0), 100 - (100 / 15.0));
        points.Select(p => p.Date).Should().Equal(Day(0), Day(1), Day(2), Day(3), Day(4));
    }

    [Fact]
    public void Flat_rising_and_falling_series_hit_the_defined_limits()
    {
        WilderRsi.Calculate(FromCloses(5, 5, 5, 5), 2).Value.Select(p => p.Rsi).Should().Equal(null, null, 50, 50);
        WilderRsi.Calculate(FromCloses(1, 2, 3, 4), 2).Value.Select(p => p.Rsi).Should().Equal(null, null, 100, 100);
        WilderRsi.Calculate(FromCloses(4, 3, 2, 1), 2).Value.Select(p => p.Rsi).Should().Equal(null, null, 0, 0);
    }

    [Fact]
    public void Window_slices_without_changing_values_and_labels_zones_inclusively()
    {
        var all = WilderRsi.Calculate(FromCloses(WilderCloses)).Value;

        var window = WilderRsi.Window(all, Day(13), Day(16), overbought: 66.4, oversold: 30).Value;

        window.Should().Equal(
            new RsiReading(Day(13), null, null),
            new RsiReading(Day(14), all[14].Rsi, RsiZone.Overbought),
            new RsiReading(Day(15), all[15].Rsi, RsiZone.Neutral), // 66.32 < 66.4
            new RsiReading(Day(16), all[16].Rsi, RsiZone.Overbought)); // 66.55 ≥ 66.4
        WilderRsi.Classify(70).Should().Be(RsiZone.Overbought);
        WilderRsi.Classify(30).Should().Be(RsiZone.Oversold);
        WilderRsi.Classify(69.999).Should().Be(RsiZone.Neutral);
        WilderRsi.Window(all, Day(40), Day(50)).Value.Should().BeEmpty();
    }

    [Fact]
    public void Invalid_or_insufficient_inputs_give_typed_errors()
    {
        var all = WilderRsi.Calculate(FromCloses(WilderCloses)).Value;

        WilderRsi.Calculate(FromCloses(1, 2, 3), 0).Error!.Should().Be(DomainError.InvalidArgument(DomainInput.Period, "period must be at least 1."));
        WilderRsi.Calculate(FromCloses(1, 2, 3), -5).Error!.Kind.Should().Be(DomainErrorKind.InvalidArgument);
        WilderRsi.Calculate(FromCloses(1), 14).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        WilderRsi.Calculate(Array.Empty<PriceBar>(), 14).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        WilderRsi.Calculate(FromCloses(1, double.NaN, 3), 1).Error!.Kind.Should().Be(DomainErrorKind.InvalidArgument);
        WilderRsi.Window(all, Day(5), Day(1)).Error!.Input.Should().Be(DomainInput.From);
        WilderRsi.Window(all, Day(1), Day(5), overbought: 101).Error!.Input.Should().Be(DomainInput.Overbought);
        WilderRsi.Window(all, Day(1), Day(5), overbought: 60, oversold: 60).Error!.Input.Should().Be(DomainInput.Oversold);
        WilderRsi.Window(all, Day(1), Day(5), oversold: double.NaN).Error!.Input.Should().Be(DomainInput.Oversold);
    }
}
