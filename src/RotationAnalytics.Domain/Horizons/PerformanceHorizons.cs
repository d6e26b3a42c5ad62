using RotationAnalytics.Domain.Errors;

namespace RotationAnalytics.Domain.Horizons;

/// <summary>
/// The horizon codes of SPEC §3.7 and their base-date rules. Every horizon except <c>MAX</c> takes its base from
/// "the last trading date ≤ <see cref="BaseLimit"/>": for trailing horizons the limit is E minus the period, for
/// <c>1D</c> the day before E, for period-to-date horizons the day before the period starts — so one binary
/// search serves them all and the limit is what a response cites as the rule actually applied.
/// </summary>
public static class PerformanceHorizons
{
    private static readonly string[] Codes = ["1D", "1W", "WTD", "MTD", "1M", "QTD", "3M", "6M", "YTD", "1Y", "3Y", "5Y", "10Y", "MAX"];

    /// <summary>Every horizon in the SPEC's default order (1D 1W WTD MTD 1M QTD 3M 6M YTD 1Y 3Y 5Y 10Y MAX).</summary>
    public static IReadOnlyList<PerformanceHorizon> All { get; } = Enum.GetValues<PerformanceHorizon>();

    /// <summary>The wire code, e.g. <c>1M</c>, <c>YTD</c>, <c>MAX</c>.</summary>
    public static string Code(PerformanceHorizon horizon) => Codes[(int)horizon];

    /// <summary>One code, case-insensitive, surrounding blanks ignored; anything else is an InvalidArgument naming it.</summary>
    public static DomainResult<PerformanceHorizon> Parse(string code)
    {
        var trimmed = code.AsSpan().Trim();
        for (var h = 0; h < Codes.Length; h++)
        {
            if (trimmed.Equals(Codes[h], StringComparison.OrdinalIgnoreCase))
            {
                return (PerformanceHorizon)h;
            }
        }

        return DomainError.InvalidArgument(
            DomainInput.Horizons, $"Unknown horizon '{code.Trim()}'; expected one of {string.Join(", ", Codes)}.");
    }

    /// <summary>
    /// A comma-separated list such as <c>1M,YTD,1Y</c>, in the order given; null means every horizon. An empty
    /// list, an empty entry, an unknown code or a code given twice is an InvalidArgument naming it.
    /// </summary>
    public static DomainResult<PerformanceHorizon[]> ParseList(string? codes)
    {
        if (codes is null)
        {
            return Enum.GetValues<PerformanceHorizon>();
        }

        if (string.IsNullOrWhiteSpace(codes))
        {
            return DomainError.InvalidArgument(DomainInput.Horizons, "horizons must list at least one horizon.");
        }

        var entries = codes.Split(',');
        var horizons = new PerformanceHorizon[entries.Length];
        var seen = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i]))
            {
                return DomainError.InvalidArgument(DomainInput.Horizons, $"horizons has an empty entry at position {i + 1}.");
            }

            var parsed = Parse(entries[i]);
            if (!parsed.IsSuccess)
            {
                return parsed.Error;
            }

            var bit = 1 << (int)parsed.Value;
            if ((seen & bit) != 0)
            {
                return DomainError.InvalidArgument(DomainInput.Horizons, $"horizons lists {Code(parsed.Value)} more than once.");
            }

            seen |= bit;
            horizons[i] = parsed.Value;
        }

        return horizons;
    }

    /// <summary>
    /// The latest calendar date the base of <paramref name="horizon"/> may have for end date E; the base is the
    /// last trading date on or before it. Null for <c>MAX</c>, whose base is the first stored close. Months and
    /// years keep E's day number clamped to the target month's last day (DateOnly.AddMonths/AddYears do exactly
    /// that: Mar 31 − 1M = Feb 28/29, Feb 29 − 1Y = Feb 28). Always before E.
    /// </summary>
    public static DateOnly? BaseLimit(PerformanceHorizon horizon, DateOnly end) => horizon switch
    {
        PerformanceHorizon.OneDay => end.AddDays(-1),
        PerformanceHorizon.OneWeek => end.AddDays(-7),
        PerformanceHorizon.WeekToDate => end.AddDays(-(((int)end.DayOfWeek + 6) % 7) - 1),
        PerformanceHorizon.MonthToDate => new DateOnly(end.Year, end.Month, 1).AddDays(-1),
        PerformanceHorizon.OneMonth => end.AddMonths(-1),
        PerformanceHorizon.QuarterToDate => new DateOnly(end.Year, (((end.Month - 1) / 3) * 3) + 1, 1).AddDays(-1),
        PerformanceHorizon.ThreeMonths => end.AddMonths(-3),
        PerformanceHorizon.SixMonths => end.AddMonths(-6),
        PerformanceHorizon.YearToDate => new DateOnly(end.Year, 1, 1).AddDays(-1),
        PerformanceHorizon.OneYear => end.AddYears(-1),
        PerformanceHorizon.ThreeYears => end.AddYears(-3),
        PerformanceHorizon.FiveYears => end.AddYears(-5),
        PerformanceHorizon.TenYears => end.AddYears(-10),
        _ => null,
    };

    /// <summary>Years a horizon's return is annualized over (1, 3, 5, 10), or null when it is not (shorter than a year, or MAX, which uses its own span).</summary>
    public static int? AnnualizationYears(PerformanceHorizon horizon) => horizon switch
    {
        PerformanceHorizon.OneYear => 1,
        PerformanceHorizon.ThreeYears => 3,
        PerformanceHorizon.FiveYears => 5,
        PerformanceHorizon.TenYears => 10,
        _ => null,
    };
}
