using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Breadth;

/// <summary>
/// Sector breadth over any group (SPEC §3.4). Each member keeps its own trading dates. A single date d is the
/// window [d, d]: each member's return is its close on d against its previous close, and a member without a
/// bar on d has no return. Rank 1 = best return; equal returns share a rank (competition ranking).
/// </summary>
public static class SectorBreadth
{
    public const int ShortAveragePeriod = 50;

    /// <summary>The longest lookback of the report: a member's evidence reaches this many closes back from its end.</summary>
    public const int LongAveragePeriod = 200;

    public static DomainResult<SectorBreadthReport> ForDate(IReadOnlyList<BreadthMember> members, DateOnly date) =>
        ForWindow(members, date, date);

    public static DomainResult<SectorBreadthReport> ForWindow(IReadOnlyList<BreadthMember> members, DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            return DomainError.InvalidArgument(DomainInput.From, $"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd}).");
        }

        var validated = Validate(members);
        if (!validated.IsSuccess)
        {
            return validated.Error;
        }

        var series = validated.Value;
        var windows = new WindowReturn?[members.Count];
        var ends = new int[members.Count];
        for (var m = 0; m < members.Count; m++)
        {
            var bars = series[m];
            ends[m] = DateIndex.LastOnOrBefore(bars, to);
            var bounds = WindowBounds.Locate(from, to, PriceBasis.Close, DateIndex.LastOnOrBefore(bars, from.AddDays(-1)), ends[m]);
            windows[m] = bounds.IsSuccess ? WindowReturn.Over(bars, bounds.Value, PriceBasis.Close) : null;
        }

        var withReturn = Array.FindAll(windows, w => w is not null).Length;
        if (withReturn == 0)
        {
            return DomainError.InsufficientData(DomainInput.From, $"No member has a trading day between {from:yyyy-MM-dd} and {to:yyyy-MM-dd} with a close before it.");
        }

        var report = new MemberBreadth[members.Count];
        int advancers = 0, decliners = 0, unchanged = 0, leader = -1, laggard = -1;
        for (var m = 0; m < members.Count; m++)
        {
            var window = windows[m];
            if (window is not null)
            {
                advancers += window.Return > 0 ? 1 : 0;
                decliners += window.Return < 0 ? 1 : 0;
                unchanged += window.Return == 0 ? 1 : 0;
                leader = leader < 0 || window.Return > windows[leader]!.Return ? m : leader;
                laggard = laggard < 0 || window.Return < windows[laggard]!.Return ? m : laggard;
            }

            report[m] = new MemberBreadth(
                members[m].Symbol,
                members[m].Sector,
                SuperSectors.Of(members[m].Sector),
                window,
                window is null ? null : CompetitionRank(windows, window.Return),
                IsAboveAverage(series[m], ends[m], ShortAveragePeriod),
                IsAboveAverage(series[m], ends[m], LongAveragePeriod));
        }

        var aggregates = Aggregate(report);
        return new SectorBreadthReport(
            from,
            to,
            report,
            advancers,
            decliners,
            unchanged,
            members.Count - withReturn,
            AdvanceDeclineLine(series, from, to),
            Count(report, ShortAveragePeriod, r => r.AboveSma50),
            Count(report, LongAveragePeriod, r => r.AboveSma200),
            PopulationStandardDeviation(windows),
            report[leader],
            report[laggard],
            aggregates,
            MeanOf(aggregates, SuperSector.Cyclical) - MeanOf(aggregates, SuperSector.Defensive));
    }

    private static DomainResult<ArraySegment<PriceBar>[]> Validate(IReadOnlyList<BreadthMember> members)
    {
        if (members.Count == 0)
        {
            return DomainError.InvalidArgument(DomainInput.Members, "The group has no members.");
        }

        var symbols = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var series = new ArraySegment<PriceBar>[members.Count];
        for (var m = 0; m < members.Count; m++)
        {
            var member = members[m];
            if (string.IsNullOrWhiteSpace(member.Symbol) || !symbols.Add(member.Symbol))
            {
                return DomainError.InvalidArgument(DomainInput.Members, $"Member symbols must be present and unique; '{member.Symbol}' is not.");
            }

            if (PriceSeries.Validate(member.Bars, DomainInput.Members, out var span) is { } error)
            {
                return error with { Message = $"{member.Symbol}: {error.Message}" };
            }

            series[m] = member.Bars switch
            {
                PriceBar[] array => array,
                ArraySegment<PriceBar> segment => segment,
                _ => span.ToArray(),
            };
        }

        return series;
    }

    private static int CompetitionRank(WindowReturn?[] windows, double value)
    {
        var rank = 1;
        foreach (var window in windows)
        {
            rank += window is not null && window.Return > value ? 1 : 0;
        }

        return rank;
    }

    /// <summary>Close of the last bar ≤ to against the mean of the <paramref name="period"/> closes ending there.</summary>
    private static bool? IsAboveAverage(ArraySegment<PriceBar> bars, int end, int period)
    {
        if (end + 1 < period)
        {
            return null;
        }

        var sum = 0.0;
        for (var t = end - period + 1; t <= end; t++)
        {
            sum += bars[t].Close;
        }

        return bars[end].Close > sum / period;
    }

    private static MovingAverageBreadth Count(MemberBreadth[] report, int period, Func<MemberBreadth, bool?> isAbove)
    {
        int above = 0, eligible = 0;
        foreach (var member in report)
        {
            if (isAbove(member) is { } value)
            {
                eligible++;
                above += value ? 1 : 0;
            }
        }

        return new MovingAverageBreadth(period, above, eligible, report.Length - eligible);
    }

    private static double PopulationStandardDeviation(WindowReturn?[] windows)
    {
        double sum = 0, count = 0;
        foreach (var window in windows)
        {
            if (window is not null)
            {
                sum += window.Return;
                count++;
            }
        }

        var mean = sum / count;
        var squares = 0.0;
        foreach (var window in windows)
        {
            if (window is not null)
            {
                squares += (window.Return - mean) * (window.Return - mean);
            }
        }

        return Math.Sqrt(squares / count);
    }

    private static SuperSectorReturn[] Aggregate(MemberBreadth[] report)
    {
        var aggregates = new List<SuperSectorReturn>(3);
        foreach (var superSector in Enum.GetValues<SuperSector>())
        {
            double sum = 0;
            var count = 0;
            foreach (var member in report)
            {
                if (member.SuperSector == superSector && member.Window is { } window)
                {
                    sum += window.Return;
                    count++;
                }
            }

            if (count > 0)
            {
                aggregates.Add(new SuperSectorReturn(superSector, sum / count, count));
            }
        }

        return aggregates.ToArray();
    }

    private static double? MeanOf(SuperSectorReturn[] aggregates, SuperSector superSector) =>
        Array.Find(aggregates, a => a.SuperSector == superSector)?.MeanReturn;

    /// <summary>
    /// Walks the members' dates in [from, to] together (a k-way merge): every date on which at least one member
    /// has a close and a previous close adds a point; members without a bar that day are not counted.
    /// </summary>
    private static AdvanceDeclinePoint[] AdvanceDeclineLine(ArraySegment<PriceBar>[] series, DateOnly from, DateOnly to)
    {
        var next = new int[series.Length];
        for (var m = 0; m < series.Length; m++)
        {
            next[m] = Math.Max(DateIndex.LastOnOrBefore(series[m], from.AddDays(-1)) + 1, 1);
        }

        var line = new List<AdvanceDeclinePoint>();
        var cumulative = 0;
        while (true)
        {
            DateOnly? earliest = null;
            for (var m = 0; m < series.Length; m++)
            {
                if (next[m] < series[m].Count && !(series[m][next[m]].Date >= earliest))
                {
                    earliest = series[m][next[m]].Date;
                }
            }

            if (earliest is not { } date || date > to)
            {
                return line.ToArray();
            }

            int advancers = 0, decliners = 0, unchanged = 0;
            for (var m = 0; m < series.Length; m++)
            {
                var t = next[m];
                if (t < series[m].Count && series[m][t].Date == date)
                {
                    var change = DailyReturn.Between(series[m][t - 1].Close, series[m][t].Close);
                    advancers += change > 0 ? 1 : 0;
                    decliners += change < 0 ? 1 : 0;
                    unchanged += change == 0 ? 1 : 0;
                    next[m]++;
                }
            }

            cumulative += advancers - decliners;
            line.Add(new AdvanceDeclinePoint(date, advancers, decliners, unchanged, cumulative));
        }
    }
}
