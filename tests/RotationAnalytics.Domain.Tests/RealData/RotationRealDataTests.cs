using RotationAnalytics.Domain.Rotation;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Tests.Naive;
using RotationAnalytics.Domain.Tests.Support;

namespace RotationAnalytics.Domain.Tests.RealData;

public class RotationRealDataTests
{
    [Theory]
    [InlineData("XLK", "SPY", 63, 21)]
    [InlineData("XLE", "SPY", 63, 21)]
    [InlineData("RUT", "SPX", 10, 5)]
    public void Agrees_with_the_naive_window_by_window_computation(string symbol, string benchmark, int ratioWindow, int momentumWindow)
    {
        var pair = AlignedPair.Align(MarketData.Load(symbol), MarketData.Load(benchmark)).Value;

        var points = RelativeRotation.Calculate(pair, ratioWindow, momentumWindow).Value;
        var (ratio, momentum) = NaiveRotation.Calculate(pair, ratioWindow, momentumWindow);

        for (var t = 0; t < pair.Count; t++)
        {
            if (double.IsNaN(ratio[t]))
            {
                points[t].RsRatio.Should().BeNull();
            }
            else
            {
                points[t].RsRatio!.Value.Should().BeApproximately(ratio[t], 1e-8);
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
    public void Points_do_not_change_when_later_data_arrives()
    {
        var full = AlignedPair.Align(MarketData.Load("XLK"), MarketData.Load("SPY")).Value;
        var cut = new DateOnly(2020, 3, 23);
        var truncated = AlignedPair.Align(MarketData.Load("XLK").Where(b => b.Date <= cut).ToArray(), MarketData.Load("SPY")).Value;

        var fromFull = RelativeRotation.Tail(RelativeRotation.Calculate(full).Value, cut, 5).Value;
        var fromTruncated = RelativeRotation.Tail(RelativeRotation.Calculate(truncated).Value, length: 5).Value;

        fromTruncated.Tail.Should().Equal(fromFull.Tail, (a, b) => a.Date == b.Date && a.Quadrant == b.Quadrant &&
            Math.Abs(a.RsRatio!.Value - b.RsRatio!.Value) < 1e-9 && Math.Abs(a.RsMomentum!.Value - b.RsMomentum!.Value) < 1e-9);
        fromFull.Latest.Date.Should().Be(cut);
    }
}
