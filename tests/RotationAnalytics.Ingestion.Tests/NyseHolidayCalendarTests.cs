using System.Globalization;
using RotationAnalytics.Ingestion.Scheduling;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

public sealed class NyseHolidayCalendarTests
{
    [Fact]
    public void The_2025_and_2026_holidays_follow_the_rules_with_observed_dates()
    {
        NyseHolidayCalendar.Holidays(2025).Select(h => h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Should().Equal(
            "2025-01-01", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25");
        NyseHolidayCalendar.Holidays(2026).Select(h => h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Should().Equal(
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25");
    }

    [Theory]
    [InlineData(2000, "2000-04-21")]
    [InlineData(2008, "2008-03-21")]
    [InlineData(2011, "2011-04-22")]
    [InlineData(2019, "2019-04-19")]
    [InlineData(2024, "2024-03-29")]
    [InlineData(2027, "2027-03-26")]
    public void Good_friday_is_two_days_before_gregorian_easter(int year, string goodFriday) =>
        NyseHolidayCalendar.Holidays(year).Single(h => h.Name == "Good Friday").Date
            .Should().Be(DateOnly.ParseExact(goodFriday, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    [Fact]
    public void Saturday_new_year_is_not_observed_on_the_friday_before_but_a_saturday_july_4th_is()
    {
        NyseHolidayCalendar.IsTradingDay(new DateOnly(2021, 12, 31)).Should().BeTrue();
        NyseHolidayCalendar.IsTradingDay(new DateOnly(2022, 1, 3)).Should().BeTrue();
        NyseHolidayCalendar.HolidayName(new DateOnly(2020, 7, 3)).Should().Be("Independence Day");
        NyseHolidayCalendar.HolidayName(new DateOnly(2022, 6, 20)).Should().Be("Juneteenth National Independence Day");
        NyseHolidayCalendar.IsTradingDay(new DateOnly(2021, 6, 18)).Should().BeTrue("Juneteenth closes the exchange from 2022");
        NyseHolidayCalendar.HolidayName(new DateOnly(2023, 1, 2)).Should().Be("New Year's Day");
    }

    [Fact]
    public void The_computed_trading_days_equal_the_dates_of_the_shared_sp500_file_since_1995()
    {
        // The S&P 500 file is one row per trading day (its SOURCES.md checks this); read at test time.
        var fileDates = File.ReadLines(Path.Combine(RepositoryPaths.MarketData, "SPX.csv")).Skip(1)
            .Select(l => DateOnly.ParseExact(l[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Where(d => d.Year >= 1995)
            .ToList();
        var computed = new List<DateOnly>();
        for (var date = new DateOnly(1995, 1, 1); date <= fileDates[^1]; date = date.AddDays(1))
        {
            if (NyseHolidayCalendar.IsTradingDay(date))
            {
                computed.Add(date);
            }
        }

        computed.Should().Equal(fileDates);
    }

    [Fact]
    public void The_daily_pull_runs_after_the_close_on_the_next_trading_day_in_new_york_time()
    {
        var schedule = new DailyPullSchedule(new TimeOnly(18, 30), NyseHolidayCalendar.NewYork);

        // Thursday before Good Friday 2026, after the pull time: skips Good Friday and the weekend. EDT is UTC−4.
        schedule.NextRunAfter(new DateTimeOffset(2026, 4, 2, 23, 0, 0, TimeSpan.Zero)).Should().Be(new DateTimeOffset(2026, 4, 6, 22, 30, 0, TimeSpan.Zero));
        // Same day, before the pull time.
        schedule.NextRunAfter(new DateTimeOffset(2026, 4, 2, 12, 0, 0, TimeSpan.Zero)).Should().Be(new DateTimeOffset(2026, 4, 2, 22, 30, 0, TimeSpan.Zero));
        // Winter (EST, UTC−5), Wednesday before Thanksgiving: next is the Friday after.
        schedule.NextRunAfter(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero)).Should().Be(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));
    }
}
