using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Rotation;
using RotationAnalytics.Domain.Series;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.Rotation;

public class RelativeRotationTests
{
    // Hand-worked with ratioWindow = momentumWindow = 2; B is flat at 10 so RS = 100·CA/10 = 100, 110, 120, 110, 130.
    // RS-Ratio: [100,110] mean 105, population std 5 → z +1 → 101; [110,120] → 101; [120,110] → 99; [110,130] → 101.
    // ROC: t2 100·(101/101 − 1) = 0; t3 100·(99/101 − 1) = −1.980198…; t4 100·(101/99 − 1) = +2.020202…
    // RS-Momentum: t3 [0, −1.98] → z −1 → 99; t4 [−1.98, +2.02] → z +1 → 101.
    private static readonly AlignedPair Pair = AlignedPair.Align(FromCloses(10, 11, 12, 11, 13), FromCloses(10, 10, 10, 10, 10)).Value;

    [Fact]
    public void Hand_worked_ratio_momentum_and_quadrants()
    {
        var points = RelativeRotation.Calculate(Pair, 2, 2).Value;

        points.Select(p => p.Date).Should().Equal(Day(0), Day(1), Day(2), Day(3), Day(4));
        points.Select(p => p.RsRatio).Should().Equal(new double?[] { null, 101, 101, 99, 101 }, (a, e) => a == e || Math.Abs(a!.Value - e!.Value) < 1e-12);
        points.Select(p => p.RsMomentum).Should().Equal(new double?[] { null, null, null, 99, 101 }, (a, e) => a == e || Math.Abs(a!.Value - e!.Value) < 1e-12);
        points.Select(p => p.Quadrant).Should().Equal(null, null, null, RotationQuadrant.Lagging, RotationQuadrant.Leading);
    }

    [Fact]
    public void Tail_is_the_last_complete_points_up_to_as_of()
    {
        var points = RelativeRotation.Calculate(Pair, 2, 2).Value;

        var tail = RelativeRotation.Tail(points, length: 5).Value;
        var earlier = RelativeRotation.Tail(points, Day(3), 1).Value;

        tail.Latest.Should().Be(points[4]);
        tail.Tail.Should().Equal(points[3], points[4]);
        earlier.Tail.Should().Equal(points[3]);
        RelativeRotation.Tail(points, Day(2)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        RelativeRotation.Tail(points, Day(0).AddDays(-1)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        RelativeRotation.Tail(points, length: 0).Error!.Input.Should().Be(DomainInput.Tail);
    }

    [Fact]
    public void Quadrants_follow_the_spec_and_the_axes_belong_to_none()
    {
        RotationPoint.QuadrantOf(101, 101).Should().Be(RotationQuadrant.Leading);
        RotationPoint.QuadrantOf(101, 99).Should().Be(RotationQuadrant.Weakening);
        RotationPoint.QuadrantOf(99, 99).Should().Be(RotationQuadrant.Lagging);
        RotationPoint.QuadrantOf(99, 101).Should().Be(RotationQuadrant.Improving);
        RotationPoint.QuadrantOf(100, 101).Should().BeNull();
        RotationPoint.QuadrantOf(101, null).Should().BeNull();
    }

    [Fact]
    public void A_constant_relative_strength_sits_at_the_centre()
    {
        var same = AlignedPair.Align(FromCloses(1, 2, 3, 2, 5, 4), FromCloses(2, 4, 6, 4, 10, 8)).Value;

        var points = RelativeRotation.Calculate(same, 2, 2).Value;

        points[^1].Should().Be(new RotationPoint(Day(5), 100, 100, null));
    }

    [Fact]
    public void Invalid_or_insufficient_inputs_give_typed_errors()
    {
        RelativeRotation.Calculate(Pair, 1, 2).Error!.Input.Should().Be(DomainInput.RatioWindow);
        RelativeRotation.Calculate(Pair, 2, 0).Error!.Input.Should().Be(DomainInput.MomentumWindow);
        RelativeRotation.Calculate(Pair, 3, 3).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        RelativeRotation.Calculate(Pair).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        RelativeRotation.Calculate(AlignedPair.Align([], []).Value, 2, 2).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
    }
}
