using System.Globalization;
using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Horizons;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Tests.Naive;
using RotationAnalytics.Domain.Tests.Support;
using static RotationAnalytics.Domain.Tests.Support.Bars;

namespace RotationAnalytics.Domain.Tests.Horizons;

public class MultiHorizonPerformanceTests
{
    private static readonly string[] Sectors = ["XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY"];

    // Weekdays 2023-12-25 (Mon) .. 2024-01-10 (Wed), close = 100 + index: 12-25 100, 12-29 104, 01-01 105,
    // 01-03 107, 01-05 109, 01-08 110, 01-09 111, 01-10 112.
    private static readonly PriceBar[] Calendar = FromCloses(new DateOnly(2023, 12, 25), Enumerable.Range(0, 13).Select(i => 100.0 + i).ToArray());

    [Fact]
    public void Hand_worked_base_dates_for_a_wednesday()
    {
        // E = 2024-01-10 (Wed), C(E) = 112. 1D → 01-09 (111). 1W: limit 01-03 → 107. WTD: Monday 01-08, limit Sunday
        // 01-07 → Friday 01-05 (109). MTD/QTD/YTD: limit 2023-12-31 (Sun) → Friday 12-29 (104). 1M: limit 2023-12-10
        // precedes the first bar → null. MAX: 12-25 (100), 16 days → annualized 1.12^(365.25/16) − 1.
        var performance = MultiHorizonPerformance.Compute(Calendar, new DateOnly(2024, 1, 12)).Value;

        performance.End.Should().Be(new PricePoint(new DateOnly(2024, 1, 10), 112));
        var byCode = performance.Returns.ToDictionary(r => PerformanceHorizons.Code(r.Horizon));
        byCode["1D"].Base.Should().Be(new PricePoint(new DateOnly(2024, 1, 9), 111));
        byCode["1D"].Return.Should().Be((112.0 / 111) - 1);
        byCode["1W"].Base!.Value.Price.Should().Be(107);
        byCode["1W"].BaseLimit.Should().Be(new DateOnly(2024, 1, 3));
        byCode["WTD"].Base.Should().Be(new PricePoint(new DateOnly(2024, 1, 5), 109));
        byCode["WTD"].BaseLimit.Should().Be(new DateOnly(2024, 1, 7));
        foreach (var code in new[] { "MTD", "QTD", "YTD" })
        {
            byCode[code].Base.Should().Be(new PricePoint(new DateOnly(2023, 12, 29), 104));
            byCode[code].Return.Should().Be((112.0 / 104) - 1);
            byCode[code].Annualized.Should().BeNull();
        }

        byCode["1M"].Should().Match<HorizonReturn>(r => r.Base == null && r.Return == null && r.BaseLimit == new DateOnly(2023, 12, 10));
        byCode["1M"].Unavailable.Should().Be("1M needs a close on or before 2023-12-10; the first stored bar is 2023-12-25.");
        byCode["1Y"].Return.Should().BeNull();
        byCode["MAX"].Base.Should().Be(new PricePoint(new DateOnly(2023, 12, 25), 100));
        byCode["MAX"].BaseLimit.Should().BeNull();
        byCode["MAX"].Return.Should().BeApproximately(0.12, 1e-15);
        byCode["MAX"].Annualized.Should().BeApproximately(Math.Pow(1.12, 365.25 / 16) - 1, 1e-12);
        performance.Returns.Select(r => r.Horizon).Should().Equal(PerformanceHorizons.All);
        performance.Returns.Should().OnlyContain(r => r.Rank == null && r.BenchmarkReturn == null);
    }

    [Fact]
    public void A_monday_end_date_takes_wtd_from_the_previous_friday_and_the_first_bar_has_no_1D()
    {
        var monday = MultiHorizonPerformance.Compute(Calendar, new DateOnly(2024, 1, 8), [PerformanceHorizon.WeekToDate, PerformanceHorizon.OneDay]).Value;
        var first = MultiHorizonPerformance.Compute(Calendar, new DateOnly(2023, 12, 25), [PerformanceHorizon.OneDay, PerformanceHorizon.Max]).Value;

        monday.Returns.Select(r => r.Base!.Value.Date).Should().Equal(new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 5));
        first.Returns[0].Return.Should().BeNull();
        first.Returns[1].Should().Match<HorizonReturn>(r => r.Return == 0 && r.Annualized == null); // MAX over zero days has no rate
    }

    [Fact]
    public void Months_and_years_keep_the_day_number_clamped_to_the_month_end()
    {
        // pandas (script in Horizons/PandasHorizonReference): XLK as of 2025-03-31 and SPY as of 2024-02-29.
        var xlk = MultiHorizonPerformance.Compute(MarketData.Load("XLK"), new DateOnly(2025, 3, 31)).Value.Returns.ToDictionary(r => r.Horizon);
        var spy = MultiHorizonPerformance.Compute(MarketData.Load("SPY"), new DateOnly(2024, 2, 29)).Value.Returns.ToDictionary(r => r.Horizon);

        xlk[PerformanceHorizon.OneMonth].BaseLimit.Should().Be(new DateOnly(2025, 2, 28));
        xlk[PerformanceHorizon.OneMonth].Base!.Value.Date.Should().Be(new DateOnly(2025, 2, 28));
        xlk[PerformanceHorizon.OneMonth].Return.Should().BeApproximately(-0.08446769831064604, 1e-15);
        xlk[PerformanceHorizon.SixMonths].Base!.Value.Date.Should().Be(new DateOnly(2024, 9, 30));
        xlk[PerformanceHorizon.OneYear].Base!.Value.Date.Should().Be(new DateOnly(2024, 3, 28));
        xlk[PerformanceHorizon.OneYear].Return.Should().BeApproximately(-0.008594612762279796, 1e-15);
        xlk[PerformanceHorizon.WeekToDate].Base!.Value.Date.Should().Be(new DateOnly(2025, 3, 28)); // E is a Monday
        xlk[PerformanceHorizon.TenYears].Return.Should().BeApproximately(3.9826254826254823, 1e-13);
        xlk[PerformanceHorizon.TenYears].Annualized.Should().BeApproximately(Math.Pow(4.9826254826254823, 0.1) - 1, 1e-14);
        spy[PerformanceHorizon.OneYear].BaseLimit.Should().Be(new DateOnly(2023, 2, 28));
        spy[PerformanceHorizon.OneYear].Return.Should().BeApproximately(0.2821884621208297, 1e-15);
        spy[PerformanceHorizon.OneMonth].Base!.Value.Date.Should().Be(new DateOnly(2024, 1, 29));
        spy[PerformanceHorizon.ThreeMonths].Return.Should().BeApproximately(0.11761729834363521, 1e-15);
        spy[PerformanceHorizon.WeekToDate].Base!.Value.Date.Should().Be(new DateOnly(2024, 2, 23));
    }

    [Fact]
    public void Sector_table_matches_pandas_cell_by_cell()
    {
        var table = MultiHorizonPerformance.Table(
            Sectors.Select(s => new PerformanceMember(s, MarketData.Load(s))).ToArray(), MarketData.Load("SPY"), new DateOnly(2026, 2, 28)).Value;

        var expected = PandasHorizonReference.SectorsAsOf20260228();
        table.Benchmark.End.Should().Be(new PricePoint(new DateOnly(2026, 2, 27), MarketData.Load("SPY").Single(b => b.Date == new DateOnly(2026, 2, 27)).Close));
        foreach (var cell in table.Benchmark.Returns)
        {
            var (date, value, _) = expected[("SPY", cell.Horizon)];
            cell.Base!.Value.Date.Should().Be(date!.Value);
            cell.Return!.Value.Should().BeApproximately(value, 1e-14);
        }

        table.Rows.Select(r => r.Symbol).Should().Equal(Sectors);
        foreach (var row in table.Rows)
        {
            row.Performance!.End.Date.Should().Be(new DateOnly(2026, 2, 27));
            foreach (var cell in row.Performance.Returns)
            {
                var (date, value, rank) = expected[(row.Symbol, cell.Horizon)];
                var benchmark = expected[("SPY", cell.Horizon)].Return;
                if (date is null)
                {
                    cell.Should().Match<HorizonReturn>(c => c.Return == null && c.Rank == null && c.ExcessReturn == null && c.Unavailable != null);
                    continue;
                }

                cell.Base!.Value.Date.Should().Be(date.Value, $"{row.Symbol} {cell.Horizon}");
                cell.Return!.Value.Should().BeApproximately(value, 1e-14);
                cell.BenchmarkReturn!.Value.Should().BeApproximately(benchmark, 1e-14);
                cell.ExcessReturn!.Value.Should().BeApproximately(value - benchmark, 1e-14);
                cell.Rank.Should().Be(rank, $"{row.Symbol} {cell.Horizon}");
            }
        }
    }

    [Fact]
    public void Equal_returns_share_a_rank_and_missing_ones_are_unranked()
    {
        var a = FromCloses(10, 11, 12);
        var b = FromCloses(20, 22, 24);   // same returns as a
        var c = FromCloses(Day(2), 5);    // one bar: no 1D base
        var d = FromCloses(10, 10, 11);
        var later = FromCloses(Day(5), 1, 2);

        var table = MultiHorizonPerformance.Table(
            [new("A", a), new("B", b), new("C", c), new("D", d), new("LATER", later)], FromCloses(1, 1, 1), Day(2), [PerformanceHorizon.OneDay, PerformanceHorizon.Max]).Value;

        table.Rows.Select(r => r.Performance?.Returns[0].Rank).Should().Equal(2, 2, null, 1, null);
        table.Rows.Select(r => r.Performance?.Returns[1].Rank).Should().Equal(1, 1, 4, 3, null); // MAX: 0.2, 0.2, 0, 0.1
        table.Rows[4].Unavailable.Should().Be("No bar on or before 2024-01-03; the first stored bar is 2024-01-08.");
        table.Rows[2].Performance!.Returns[0].BenchmarkReturn.Should().Be(0); // the benchmark figure stays, the member's is missing
        table.Rows[2].Performance!.Returns[0].ExcessReturn.Should().BeNull();
    }

    [Theory]
    [InlineData("XLK")]
    [InlineData("IWM")]
    [InlineData("RUT")]
    [InlineData("XLC")]
    public void Agrees_with_the_naive_scan_on_random_dates_of_a_real_history(string symbol)
    {
        var bars = MarketData.Load(symbol);
        var random = new Random(37);
        for (var sample = 0; sample < 40; sample++)
        {
            var asOf = bars[0].Date.AddDays(random.Next(0, bars[^1].Date.DayNumber - bars[0].Date.DayNumber + 3));
            var performance = MultiHorizonPerformance.Compute(bars, asOf).Value;
            foreach (var cell in performance.Returns)
            {
                var (baseDate, value) = NaiveHorizons.Measure(bars, asOf, PerformanceHorizons.Code(cell.Horizon));
                cell.Base?.Date.Should().Be(baseDate, $"{symbol} {asOf} {cell.Horizon}");
                if (baseDate is null)
                {
                    cell.Return.Should().BeNull();
                }
                else
                {
                    cell.Return.Should().Be(value);
                }
            }
        }
    }

    [Fact]
    public void Horizon_codes_parse_case_insensitively_and_name_what_is_wrong()
    {
        PerformanceHorizons.ParseList("1m, ytd,1Y").Value.Should().Equal(PerformanceHorizon.OneMonth, PerformanceHorizon.YearToDate, PerformanceHorizon.OneYear);
        PerformanceHorizons.ParseList(null).Value.Should().Equal(PerformanceHorizons.All);
        PerformanceHorizons.All.Select(PerformanceHorizons.Code).Should().Equal(NaiveHorizons.Codes);
        PerformanceHorizons.Parse("2W").Error!.Should().Match<DomainError>(e =>
            e.Input == DomainInput.Horizons && e.Kind == DomainErrorKind.InvalidArgument && e.Message.StartsWith("Unknown horizon '2W'", StringComparison.Ordinal));
        PerformanceHorizons.ParseList("1M,1m").Error!.Message.Should().Be("horizons lists 1M more than once.");
        PerformanceHorizons.ParseList("1M,,YTD").Error!.Input.Should().Be(DomainInput.Horizons);
        PerformanceHorizons.ParseList(" ").Error!.Input.Should().Be(DomainInput.Horizons);
    }

    [Fact]
    public void Invalid_or_insufficient_inputs_give_typed_errors()
    {
        MultiHorizonPerformance.Compute(Calendar, new DateOnly(2023, 12, 24)).Error!.Should().Match<DomainError>(e => e.Input == DomainInput.AsOf && e.Kind == DomainErrorKind.InsufficientData);
        MultiHorizonPerformance.Compute([], Day(0)).Error!.Kind.Should().Be(DomainErrorKind.InsufficientData);
        MultiHorizonPerformance.Compute(Calendar, Day(0), []).Error!.Input.Should().Be(DomainInput.Horizons);
        MultiHorizonPerformance.Compute(Calendar, Day(0), [PerformanceHorizon.Max, PerformanceHorizon.Max]).Error!.Input.Should().Be(DomainInput.Horizons);
        MultiHorizonPerformance.Compute(Calendar, Day(0), [(PerformanceHorizon)99]).Error!.Input.Should().Be(DomainInput.Horizons);
        MultiHorizonPerformance.Compute([Bar(Day(0), double.NaN)], Day(0)).Error!.Input.Should().Be(DomainInput.Series);

        var member = new PerformanceMember("A", Calendar);
        MultiHorizonPerformance.Table([], Calendar, Day(0)).Error!.Input.Should().Be(DomainInput.Members);
        MultiHorizonPerformance.Table([member, member], Calendar, Day(0)).Error!.Input.Should().Be(DomainInput.Members);
        MultiHorizonPerformance.Table([new("B", [Bar(Day(0), -1)])], Calendar, Day(0)).Error!.Message.Should().StartWith("B: ");
        MultiHorizonPerformance.Table([member], [Bar(Day(0), 0)], Day(0)).Error!.Input.Should().Be(DomainInput.Benchmark);
        MultiHorizonPerformance.Table([member], Calendar, new DateOnly(2020, 1, 1)).Error!.Should().Match<DomainError>(e =>
            e.Input == DomainInput.Benchmark && e.Kind == DomainErrorKind.InsufficientData);
    }

    [Fact]
    public void Dates_in_the_first_decade_of_year_one_do_not_throw()
    {
        var early = FromCloses(new DateOnly(1, 1, 1), 1, 2, 3);

        var performance = MultiHorizonPerformance.Compute(early, new DateOnly(1, 1, 5)).Value;

        performance.Returns.Where(r => r.Horizon != PerformanceHorizon.Max).Should().OnlyContain(r => r.Return == null);
        performance.Returns[^1].Return.Should().Be(2);
    }
}
