using RotationAnalytics.Domain.Breadth;
using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.Breadth;

public class SectorBreadthTests
{
    // Hand-worked group (closes on d0..d3; XLC only from d2; NEW has no GICS sector):
    //   XLK IT        100  102  101  103   window d1..d3 (base d0): +0.03
    //   XLU Utilities  50   49   49   48                            −0.04
    //   XLF Financials 20   20  20.2  20                             0 (unchanged)
    //   XLC Comm. Svc.  –    –   30   31                            no base close before d1 → no return
    //   NEW (none)     10   11   12   13                            +0.30
    private static readonly BreadthMember[] Group =
    [
        new("XLK", "Information Technology", FromCloses(100, 102, 101, 103)),
        new("XLU", "Utilities", FromCloses(50, 49, 49, 48)),
        new("XLF", "Financials", FromCloses(20, 20, 20.2, 20)),
        new("XLC", "Communication Services", FromCloses(Day(2), 30, 31)),
        new("NEW", null, FromCloses(10, 11, 12, 13)),
    ];

    [Fact]
    public void Window_returns_ranks_counts_dispersion_leaders_and_super_sectors()
    {
        var report = SectorBreadth.ForWindow(Group, Day(1), Day(3)).Value;

        report.Members.Select(m => (m.Symbol, m.Window?.Return, m.Rank)).Should().Equal(
            ("XLK", (103.0 / 100) - 1, 2), ("XLU", (48.0 / 50) - 1, 4), ("XLF", 0.0, 3), ("XLC", null, null), ("NEW", (13.0 / 10) - 1, 1));
        (report.Advancers, report.Decliners, report.Unchanged, report.MembersWithoutReturn).Should().Be((2, 1, 1, 1));
        // Population std of {0.30, 0.03, 0, −0.04}: mean 0.0725, squared deviations 0.05175625 + 0.00180625 + 0.00525625 + 0.01265625 = 0.071475 → √(0.071475/4).
        report.Dispersion.Should().BeApproximately(Math.Sqrt(0.01786875), 1e-15);
        report.Leader.Symbol.Should().Be("NEW");
        report.Laggard.Symbol.Should().Be("XLU");
        report.SuperSectors.Should().Equal(
            new SuperSectorReturn(SuperSector.Cyclical, 0, 1),
            new SuperSectorReturn(SuperSector.Sensitive, (103.0 / 100) - 1, 1), // XLC has no return
            new SuperSectorReturn(SuperSector.Defensive, (48.0 / 50) - 1, 1));
        report.CyclicalMinusDefensive!.Value.Should().BeApproximately(0.04, 1e-15);
        report.Members[4].SuperSector.Should().BeNull();
    }

    [Fact]
    public void Advance_decline_line_counts_each_members_own_daily_moves()
    {
        // d1: XLK+ XLU− XLF0 NEW+ → +1; d2: XLK− XLU0 XLF+ NEW+ (XLC's first bar has no previous) → +1;
        // d3: XLK+ XLU− XLF− XLC+ NEW+ → +1.
        var report = SectorBreadth.ForWindow(Group, Day(1), Day(3)).Value;

        report.AdvanceDeclineLine.Should().Equal(
            new AdvanceDeclinePoint(Day(1), 2, 1, 1, 1),
            new AdvanceDeclinePoint(Day(2), 2, 1, 1, 2),
            new AdvanceDeclinePoint(Day(3), 3, 2, 0, 3));
    }

    [Fact]
    public void A_single_date_compares_each_member_with_its_previous_close()
    {
        var report = SectorBreadth.ForDate(Group, Day(2)).Value;

        report.Members.Select(m => m.Window?.Return).Should().Equal((101.0 / 102) - 1, 0.0, (20.2 / 20) - 1, null, (12.0 / 11) - 1);
        report.Members[0].Window!.Base.Should().Be(new PricePoint(Day(1), 102));
        report.AdvanceDeclineLine.Should().Equal(new AdvanceDeclinePoint(Day(2), 2, 1, 1, 1));
    }

    [Fact]
    public void Moving_average_breadth_excludes_members_without_enough_history()
    {
        // UP closes 1..50: SMA50 = 25.5 < 50 → above. DOWN 50..1: SMA50 = 25.5 > 1 → below. Nobody has 200 closes.
        var up = Enumerable.Range(1, 50).Select(i => (double)i).ToArray();
        BreadthMember[] group =
        [
            new("UP", "Energy", FromCloses(up)),
            new("DOWN", "Energy", FromCloses(up.Reverse().ToArray())),
            new("SHORT", "Energy", FromCloses(1, 2)),
        ];

        var report = SectorBreadth.ForDate(group, Day(49)).Value;

        report.AboveSma50.Should().Be(new MovingAverageBreadth(50, 1, 2, 1));
        report.AboveSma50.PercentAbove.Should().Be(50);
        report.AboveSma200.Should().Be(new MovingAverageBreadth(200, 0, 0, 3));
        report.AboveSma200.PercentAbove.Should().BeNull();
        report.MembersWithoutReturn.Should().Be(1); // SHORT has no bar on d49
        report.CyclicalMinusDefensive.Should().BeNull();
    }

    [Theory]
    [InlineData("Materials", SuperSector.Cyclical)]
    [InlineData("consumer discretionary", SuperSector.Cyclical)]
    [InlineData("Financials", SuperSector.Cyclical)]
    [InlineData(" Real Estate ", SuperSector.Cyclical)]
    [InlineData("Communication Services", SuperSector.Sensitive)]
    [InlineData("Energy", SuperSector.Sensitive)]
    [InlineData("Industrials", SuperSector.Sensitive)]
    [InlineData("Information Technology", SuperSector.Sensitive)]
    [InlineData("Consumer Staples", SuperSector.Defensive)]
    [InlineData("Health Care", SuperSector.Defensive)]
    [InlineData("Utilities", SuperSector.Defensive)]
    [InlineData("Crypto", null)]
    [InlineData(null, null)]
    public void Gics_sectors_map_to_Morningstar_super_sectors(string? sector, SuperSector? expected) =>
        SuperSectors.Of(sector).Should().Be(expected);

    [Fact]
    public void Invalid_or_insufficient_inputs_give_typed_errors()
    {
        SectorBreadth.ForWindow(Group, Day(3), Day(1)).Error!.Input.Should().Be(DomainInput.From);
        SectorBreadth.ForWindow([], Day(1), Day(3)).Error!.Input.Should().Be(DomainInput.Members);
        SectorBreadth.ForWindow([Group[0], Group[0]], Day(1), Day(3)).Error!.Input.Should().Be(DomainInput.Members);
        SectorBreadth.ForWindow([new BreadthMember("BAD", null, FromCloses(1, double.NaN))], Day(1), Day(3)).Error!.Should().Match<DomainError>(
            e => e.Kind == DomainErrorKind.InvalidArgument && e.Input == DomainInput.Members && e.Message.StartsWith("BAD:"));
        SectorBreadth.ForDate(Group, Day(0)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData); // nobody has a close before d0
        SectorBreadth.ForDate(Group, new DateOnly(2024, 1, 6)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData); // a Saturday
        SectorBreadth.ForWindow([new BreadthMember("E", null, [])], Day(1), Day(3)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
    }
}
