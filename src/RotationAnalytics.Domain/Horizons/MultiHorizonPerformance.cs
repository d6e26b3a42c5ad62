using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Horizons;

/// <summary>
/// Multi-horizon performance (SPEC §3.7). Per instrument, E = its last trading date ≤ asOf; each horizon's base is
/// the close of the last trading date ≤ <see cref="PerformanceHorizons.BaseLimit"/> (MAX: the first stored close),
/// return = C(E)/base − 1. Each instrument uses its own dates (no alignment): a benchmark that traded on a day the
/// member did not still has its own E and bases. One binary search per horizon, so a table costs
/// O(members · horizons · log n) after the series are validated.
/// </summary>
public static class MultiHorizonPerformance
{
    private const double DaysPerYear = 365.25;

    /// <summary>One instrument; <paramref name="horizons"/> default to every horizon in the SPEC's order.</summary>
    public static DomainResult<HorizonPerformance> Compute(
        IReadOnlyList<PriceBar> bars, DateOnly asOf, IReadOnlyList<PerformanceHorizon>? horizons = null)
    {
        var chosen = Validate(horizons);
        if (!chosen.IsSuccess)
        {
            return chosen.Error;
        }

        if (PriceSeries.Validate(bars, DomainInput.Series, out var span) is { } error)
        {
            return error;
        }

        var end = DateIndex.LastOnOrBefore(span, asOf);
        if (end < 0)
        {
            return DomainError.InsufficientData(DomainInput.AsOf, NoBarBy(asOf, span));
        }

        return Measure(span, end, chosen.Value, null, null);
    }

    /// <summary>
    /// Every member against <paramref name="benchmark"/>: each cell carries the benchmark's return over the same
    /// horizon (from the benchmark's own bars), the excess (null when either return is) and the competition rank
    /// among the members (1 = highest, equal returns share a rank, nulls unranked).
    /// </summary>
    public static DomainResult<PerformanceTable> Table(
        IReadOnlyList<PerformanceMember> members,
        IReadOnlyList<PriceBar> benchmark,
        DateOnly asOf,
        IReadOnlyList<PerformanceHorizon>? horizons = null)
    {
        var chosen = Validate(horizons);
        if (!chosen.IsSuccess)
        {
            return chosen.Error;
        }

        var list = chosen.Value;
        if (members.Count == 0)
        {
            return DomainError.InvalidArgument(DomainInput.Members, "The table needs at least one instrument.");
        }

        if (PriceSeries.Validate(benchmark, DomainInput.Benchmark, out var benchmarkSpan) is { } benchmarkError)
        {
            return benchmarkError;
        }

        var benchmarkEnd = DateIndex.LastOnOrBefore(benchmarkSpan, asOf);
        if (benchmarkEnd < 0)
        {
            return DomainError.InsufficientData(DomainInput.Benchmark, NoBarBy(asOf, benchmarkSpan));
        }

        var benchmarkPerformance = Measure(benchmarkSpan, benchmarkEnd, list, null, null);

        // Pass 1: every member's returns (NaN = none), so each horizon can be ranked before the records are built.
        var count = members.Count;
        var returns = new double[count * list.Length];
        var ends = new int[count];
        var symbols = new HashSet<string>(count, StringComparer.Ordinal);
        for (var m = 0; m < count; m++)
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

            ends[m] = DateIndex.LastOnOrBefore(span, asOf);
            for (var h = 0; h < list.Length; h++)
            {
                returns[(m * list.Length) + h] = ends[m] < 0 ? double.NaN : ReturnOver(span, ends[m], list[h], out _, out _);
            }
        }

        var rows = new PerformanceRow[count];
        var ranks = new int?[list.Length];
        for (var m = 0; m < count; m++)
        {
            if (ends[m] < 0)
            {
                rows[m] = new PerformanceRow(members[m].Symbol, null, NoBarBy(asOf, PriceSeries.AsSpan(members[m].Bars)));
                continue;
            }

            for (var h = 0; h < list.Length; h++)
            {
                ranks[h] = CompetitionRank(returns, count, list.Length, m, h);
            }

            rows[m] = new PerformanceRow(members[m].Symbol, Measure(PriceSeries.AsSpan(members[m].Bars), ends[m], list, benchmarkPerformance, ranks), null);
        }

        return new PerformanceTable(asOf, list, benchmarkPerformance, rows);
    }

    private static DomainResult<PerformanceHorizon[]> Validate(IReadOnlyList<PerformanceHorizon>? horizons)
    {
        if (horizons is null)
        {
            return Enum.GetValues<PerformanceHorizon>();
        }

        if (horizons.Count == 0)
        {
            return DomainError.InvalidArgument(DomainInput.Horizons, "horizons must list at least one horizon.");
        }

        var seen = 0;
        var copy = new PerformanceHorizon[horizons.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            var horizon = horizons[i];
            if (!Enum.IsDefined(horizon))
            {
                return DomainError.InvalidArgument(DomainInput.Horizons, $"Unknown horizon value {(int)horizon}.");
            }

            if ((seen & (1 << (int)horizon)) != 0)
            {
                return DomainError.InvalidArgument(DomainInput.Horizons, $"horizons lists {PerformanceHorizons.Code(horizon)} more than once.");
            }

            seen |= 1 << (int)horizon;
            copy[i] = horizon;
        }

        return copy;
    }

    /// <summary>The instrument's records; benchmark figures and ranks only when a table supplies them.</summary>
    private static HorizonPerformance Measure(
        ReadOnlySpan<PriceBar> bars, int end, PerformanceHorizon[] horizons, HorizonPerformance? benchmark, int?[]? ranks)
    {
        var endBar = bars[end];
        var results = new HorizonReturn[horizons.Length];
        for (var h = 0; h < horizons.Length; h++)
        {
            var horizon = horizons[h];
            var value = ReturnOver(bars, end, horizon, out var baseIndex, out var limit);
            if (baseIndex < 0)
            {
                var reason = limit is { } date
                    ? $"{PerformanceHorizons.Code(horizon)} needs a close on or before {date:yyyy-MM-dd}; the first stored bar is {bars[0].Date:yyyy-MM-dd}."
                    : $"{PerformanceHorizons.Code(horizon)} reaches before the earliest representable date.";
                results[h] = new HorizonReturn(horizon, limit, null, null, null, benchmark?.Returns[h].Return, null, null, reason);
                continue;
            }

            var benchmarkReturn = benchmark?.Returns[h].Return;
            results[h] = new HorizonReturn(
                horizon,
                limit,
                new PricePoint(bars[baseIndex].Date, bars[baseIndex].Close),
                value,
                Annualized(horizon, value, bars[0].Date, endBar.Date),
                benchmarkReturn,
                value - benchmarkReturn,
                ranks?[h],
                null);
        }

        return new HorizonPerformance(new PricePoint(endBar.Date, endBar.Close), bars[0].Date, results);
    }

    /// <summary>C(E)/C(base) − 1, or NaN with <paramref name="baseIndex"/> −1 when no bar lies on or before the limit.</summary>
    private static double ReturnOver(ReadOnlySpan<PriceBar> bars, int end, PerformanceHorizon horizon, out int baseIndex, out DateOnly? limit)
    {
        var endDate = bars[end].Date;

        // AddYears(-10) on a date in the first decade of year 1 would throw; no base can precede 0001-01-01 anyway.
        if (horizon != PerformanceHorizon.Max && endDate.Year <= 10)
        {
            baseIndex = -1;
            limit = null;
            return double.NaN;
        }

        limit = PerformanceHorizons.BaseLimit(horizon, endDate);

        // Every limit is before E, so only the bars before E are searched.
        baseIndex = limit is { } date ? DateIndex.LastOnOrBefore(bars[..end], date) : 0;
        return baseIndex < 0 ? double.NaN : (bars[end].Close / bars[baseIndex].Close) - 1;
    }

    private static double? Annualized(PerformanceHorizon horizon, double value, DateOnly first, DateOnly end)
    {
        if (PerformanceHorizons.AnnualizationYears(horizon) is { } years)
        {
            return Math.Pow(1 + value, 1.0 / years) - 1;
        }

        // MAX over zero days (E is the first bar) has no rate.
        var days = end.DayNumber - first.DayNumber;
        return horizon == PerformanceHorizon.Max && days > 0 ? Math.Pow(1 + value, DaysPerYear / days) - 1 : null;
    }

    /// <summary>1 + the number of members with a strictly higher return on horizon h; null for a missing return (NaN never compares greater).</summary>
    private static int? CompetitionRank(double[] returns, int count, int stride, int member, int h)
    {
        var value = returns[(member * stride) + h];
        if (double.IsNaN(value))
        {
            return null;
        }

        var rank = 1;
        for (var m = 0; m < count; m++)
        {
            rank += returns[(m * stride) + h] > value ? 1 : 0;
        }

        return rank;
    }

    private static string NoBarBy(DateOnly asOf, ReadOnlySpan<PriceBar> bars) => bars.IsEmpty
        ? "The series has no bars."
        : $"No bar on or before {asOf:yyyy-MM-dd}; the first stored bar is {bars[0].Date:yyyy-MM-dd}.";
}
