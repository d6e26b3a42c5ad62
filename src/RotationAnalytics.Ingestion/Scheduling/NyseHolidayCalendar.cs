namespace RotationAnalytics.Ingestion.Scheduling;

/// <summary>
/// NYSE full-day closures computed from the exchange's rules (not a table that goes stale), plus the unscheduled
/// closures since 1985. Rules: New Year's Day (a Saturday New Year is not observed on the Friday before); Martin Luther
/// King Jr. Day (3rd Monday of January, from 1998); Washington's Birthday (3rd Monday of February); Good Friday (Easter
/// Sunday − 2, Gregorian computus); Memorial Day (last Monday of May); Juneteenth (June 19, from 2022); Independence
/// Day; Labor Day (1st Monday of September); Thanksgiving (4th Thursday of November); Christmas. Fixed-date holidays on
/// a Saturday are observed on the Friday before, on a Sunday on the Monday after. Valid from 1971 (Monday holiday act).
/// </summary>
public static class NyseHolidayCalendar
{
    private static readonly Lazy<TimeZoneInfo> NewYorkZone = new(() => TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    /// <summary>Closures outside the rules: hurricanes, 9/11, national days of mourning.</summary>
    private static readonly Dictionary<DateOnly, string> SpecialClosures = new()
    {
        [new(1985, 9, 27)] = "Hurricane Gloria",
        [new(1994, 4, 27)] = "Funeral of President Nixon",
        [new(2001, 9, 11)] = "September 11 attacks",
        [new(2001, 9, 12)] = "September 11 attacks",
        [new(2001, 9, 13)] = "September 11 attacks",
        [new(2001, 9, 14)] = "September 11 attacks",
        [new(2004, 6, 11)] = "Funeral of President Reagan",
        [new(2007, 1, 2)] = "Funeral of President Ford",
        [new(2012, 10, 29)] = "Hurricane Sandy",
        [new(2012, 10, 30)] = "Hurricane Sandy",
        [new(2018, 12, 5)] = "Funeral of President G. H. W. Bush",
        [new(2025, 1, 9)] = "Funeral of President Carter",
    };

    public static TimeZoneInfo NewYork => NewYorkZone.Value;

    /// <summary>Today's date in New York, the exchange-local date of US bars.</summary>
    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), NewYork).DateTime);

    public static bool IsTradingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && HolidayName(date) is null;

    /// <summary>The closure's name when the exchange is closed on that weekday, else null.</summary>
    public static string? HolidayName(DateOnly date) =>
        SpecialClosures.TryGetValue(date, out var special) ? special
            : Holidays(date.Year).Where(h => h.Date == date).Select(h => h.Name).FirstOrDefault();

    /// <summary>The rule-based holidays observed in <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Holidays(int year)
    {
        var holidays = new List<(DateOnly, string)>();
        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek != DayOfWeek.Saturday)
        {
            holidays.Add((Observed(newYear), "New Year's Day"));
        }

        if (year >= 1998)
        {
            holidays.Add((NthWeekday(year, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day"));
        }

        holidays.Add((NthWeekday(year, 2, DayOfWeek.Monday, 3), "Washington's Birthday"));
        holidays.Add((EasterSunday(year).AddDays(-2), "Good Friday"));
        holidays.Add((LastWeekday(year, 5, DayOfWeek.Monday), "Memorial Day"));
        if (year >= 2022)
        {
            holidays.Add((Observed(new DateOnly(year, 6, 19)), "Juneteenth National Independence Day"));
        }

        holidays.Add((Observed(new DateOnly(year, 7, 4)), "Independence Day"));
        holidays.Add((NthWeekday(year, 9, DayOfWeek.Monday, 1), "Labor Day"));
        holidays.Add((NthWeekday(year, 11, DayOfWeek.Thursday, 4), "Thanksgiving Day"));
        holidays.Add((Observed(new DateOnly(year, 12, 25)), "Christmas Day"));
        return holidays;
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
    }
}
