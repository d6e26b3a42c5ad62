namespace RotationAnalytics.Ingestion.Scheduling;

/// <summary>When the daily pull runs: at a local time of day, on NYSE trading days only.</summary>
public sealed class DailyPullSchedule(TimeOnly timeOfDay, TimeZoneInfo zone)
{
    /// <summary>The first scheduled instant strictly after <paramref name="now"/>.</summary>
    public DateTimeOffset NextRunAfter(DateTimeOffset now)
    {
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var date = localToday; ; date = date.AddDays(1))
        {
            if (!NyseHolidayCalendar.IsTradingDay(date))
            {
                continue;
            }

            var local = date.ToDateTime(timeOfDay);
            var instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (instant > now)
            {
                return instant;
            }
        }
    }
}
