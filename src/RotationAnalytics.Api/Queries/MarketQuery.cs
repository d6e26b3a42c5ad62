using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Infrastructure.Snapshot;

namespace RotationAnalytics.Api.Queries;

/// <summary>
/// One request's view of the market, all from one snapshot: resolving symbols and groups (aliases, any case,
/// duplicates answered once, unknown → 404 naming the parameter), cutting series at as-of dates, aligning pairs,
/// and collecting the source batches of the bars that entered the answer for its <c>sources</c>. The return type enters
/// here and nowhere else: with <see cref="ReturnType.Total"/> every series a computation reads is the instrument's
/// total-return index (SPEC §2), and every cited range must rest on dividend information, else the answer is a 422
/// naming the instrument (<see cref="TotalReturnGap"/>) — never a price return labelled total.
/// </summary>
/// <param name="returnType">The endpoint's return type; null for endpoints that have none (RSI, highs, breadth, rotation).</param>
public sealed class MarketQuery(MarketSnapshot snapshot, ReturnType? returnType = null)
{
    private readonly SortedSet<long> _cited = [];
    private bool _usedDividends;
    private bool _usedAdjustedCloses;

    public MarketSnapshot Snapshot => snapshot;

    public ReturnType ReturnType => returnType ?? ReturnType.Price;

    /// <summary>The first cited range of a total return without dividend information, as the 422 that must answer instead.</summary>
    public QueryError? TotalReturnGap { get; private set; }

    public QueryResult<SnapshotInstrument> Resolve(string parameter, string symbol) =>
        snapshot.Find(symbol) is { } instrument ? instrument : QueryError.UnknownSymbol(parameter, symbol);

    /// <summary>Every symbol of a list resolved, in order, each instrument once (IWM,iwm answers IWM once).</summary>
    public QueryResult<IReadOnlyList<SnapshotInstrument>> ResolveAll(string parameter, IEnumerable<string> symbols)
    {
        var found = new List<SnapshotInstrument>();
        foreach (var symbol in symbols)
        {
            if (snapshot.Find(symbol) is not { } instrument)
            {
                return QueryError.UnknownSymbol(parameter, symbol);
            }

            if (!found.Contains(instrument))
            {
                found.Add(instrument);
            }
        }

        return found;
    }

    /// <summary>
    /// A symbol and its benchmark, which must be different instruments, with their bars up to <paramref name="through"/>
    /// joined on their common dates.
    /// </summary>
    public QueryResult<(SnapshotInstrument Symbol, SnapshotInstrument Benchmark, AlignedPair Pair)> ResolvePair(
        string symbol, string benchmark, DateOnly? through, InputParameters parameters)
    {
        var a = Resolve(parameters.Symbol, symbol);
        var b = Resolve(parameters.Benchmark, benchmark);
        if ((a.Error ?? b.Error) is { } error)
        {
            return error;
        }

        if (a.Value == b.Value)
        {
            return new QueryError(StatusCodes.Status400BadRequest, parameters.Benchmark, $"The benchmark must differ from the symbol ({a.Value!.Symbol}).");
        }

        var aligned = Align(a.Value!, b.Value!, through, parameters);
        if (aligned.Error is { } alignError)
        {
            return alignError;
        }

        // Streak analyses read every daily return of the pair's history, so all of it must rest on dividend information.
        var pair = aligned.Value!;
        return RequireTotalReturn([a.Value!, b.Value!], pair.Dates[0], pair.Dates[^1], "returnType") is { } gap
            ? gap
            : (a.Value!, b.Value!, pair);
    }

    /// <summary>The benchmark (parameter <c>benchmark</c>) and the instruments compared with it, benchmark errors first.</summary>
    public QueryResult<(SnapshotInstrument Benchmark, IReadOnlyList<SnapshotInstrument> Members)> WithBenchmark(
        string benchmark, QueryResult<IReadOnlyList<SnapshotInstrument>> members)
    {
        var b = Resolve("benchmark", benchmark);
        if ((b.Error ?? members.Error) is { } error)
        {
            return error;
        }

        return (b.Value!, members.Value!);
    }

    /// <summary>
    /// The symbols (parameter <c>symbols</c>) compared with the benchmark over [from, to]: <paramref name="to"/> defaults to
    /// the latest date on which all of them have a bar, <paramref name="from"/> to <paramref name="defaultFrom"/> of that;
    /// a from after to is a 400 naming from.
    /// </summary>
    public QueryResult<ComparisonWindow> ComparisonWindow(
        string benchmark, IReadOnlyList<string> symbols, DateOnly? from, DateOnly? to, Func<DateOnly, DateOnly> defaultFrom)
    {
        var resolved = WithBenchmark(benchmark, ResolveAll("symbols", symbols));
        if (resolved.Error is { } unknown)
        {
            return unknown;
        }

        var (b, members) = resolved.Value;
        var end = to ?? LatestCommonDate(members.Append(b));
        if (end is null)
        {
            return QueryError.NotEnoughData("symbols", "No stored data for the requested instruments.");
        }

        var start = from ?? defaultFrom(end.Value);
        if (start > end)
        {
            return new QueryError(StatusCodes.Status400BadRequest, "from", $"from ({start:yyyy-MM-dd}) is after the latest common date {end:yyyy-MM-dd}.");
        }

        return new ComparisonWindow(b, members, start, end.Value);
    }

    public QueryResult<IReadOnlyList<SnapshotInstrument>> ResolveGroup(string parameter, string group)
    {
        var members = snapshot.GroupMembers(group);
        return members.Count > 0
            ? new QueryResult<IReadOnlyList<SnapshotInstrument>>(members)
            : new QueryError(StatusCodes.Status404NotFound, parameter, $"No instrument belongs to group '{group}'.");
    }

    public InstrumentSeries Series(SnapshotInstrument instrument) => snapshot.Series(instrument);

    /// <summary>
    /// The bars dated on or before <paramref name="through"/> (all when null), without copying: closes, or for a total
    /// return the total-return index (TR(first stored date) = close, every price of day t scaled by TR(t)/C(t)).
    /// </summary>
    public ArraySegment<PriceBar> Bars(SnapshotInstrument instrument, DateOnly? through) => ReturnType == ReturnType.Total
        ? snapshot.Series(instrument).TotalReturn.Through(through)
        : snapshot.Series(instrument).Through(through);

    /// <summary>
    /// For a total return: null when the growth of every trading day in (<paramref name="after"/>, <paramref name="through"/>]
    /// of each instrument rests on stored dividends or a provider's adjusted close, else the 422 naming the first instrument
    /// that lacks it (also kept as <see cref="TotalReturnGap"/>). Always null for a price return.
    /// </summary>
    public QueryError? RequireTotalReturn(IEnumerable<SnapshotInstrument> instruments, DateOnly after, DateOnly through, string parameter)
    {
        if (ReturnType != ReturnType.Total)
        {
            return null;
        }

        foreach (var instrument in instruments)
        {
            var coverage = snapshot.Series(instrument).TotalReturn.Coverage(after, through);
            if (coverage.FirstUnavailable is { } day)
            {
                TotalReturnGap ??= QueryError.NotEnoughData(
                    parameter,
                    $"returnType=total: no dividend information for {instrument.Symbol} on {coverage.UnavailableDays} trading day(s) " +
                    $"between {after:yyyy-MM-dd} and {through:yyyy-MM-dd}, the first {day:yyyy-MM-dd} (no source reporting its dividends, " +
                    "no provider adjusted close); a total return cannot be given there. Use returnType=price, or ingest a source with dividends.");
                return TotalReturnGap;
            }

            _usedDividends |= coverage.DividendDays > 0;
            _usedAdjustedCloses |= coverage.AdjustedCloseDays > 0;
        }

        return null;
    }

    /// <summary>The pair's bars up to <paramref name="through"/> joined on their common dates; 422 when they share none.</summary>
    public QueryResult<AlignedPair> Align(SnapshotInstrument a, SnapshotInstrument b, DateOnly? through, InputParameters parameters)
    {
        var aligned = AlignedPair.Align(Bars(a, through), Bars(b, through));
        if (!aligned.IsSuccess)
        {
            return QueryError.FromDomain(aligned.Error, parameters);
        }

        return aligned.Value.Count > 0
            ? aligned.Value
            : QueryError.NotEnoughData(
                parameters.CutAt ?? parameters.Symbol,
                $"{a.Symbol} and {b.Symbol} have no common trading dates{(through is { } t ? $" up to {t:yyyy-MM-dd}" : string.Empty)}.");
    }

    /// <summary>SPEC §2: the latest date on which every instrument has a bar (up to <paramref name="through"/>); null when one has none.</summary>
    public DateOnly? LatestCommonDate(IEnumerable<SnapshotInstrument> instruments, DateOnly? through = null)
    {
        DateOnly? latest = null;
        foreach (var instrument in instruments)
        {
            var bars = Bars(instrument, through);
            if (bars.Count == 0)
            {
                return null;
            }

            var last = bars[^1].Date;
            latest = latest is null || last < latest ? last : latest;
        }

        return latest;
    }

    /// <summary>
    /// Cites the bars of the instruments dated in [from, to] — for a total return also the dividends going ex in (from, to],
    /// whose growth must rest on dividend information (<see cref="RequireTotalReturn"/>); returns the batch ids for a
    /// sourceIds field.
    /// </summary>
    public long[] Cite(IEnumerable<SnapshotInstrument> instruments, DateOnly from, DateOnly to)
    {
        var ids = new SortedSet<long>();
        foreach (var instrument in instruments)
        {
            var series = snapshot.Series(instrument);
            series.AddSources(ids, from, to);
            if (ReturnType == ReturnType.Total)
            {
                series.Dividends.AddSources(ids, from, to);
                RequireTotalReturn([instrument], from, to, "returnType");
            }
        }

        _cited.UnionWith(ids);
        return [.. ids];
    }

    public long[] Cite(SnapshotInstrument instrument, DateOnly from, DateOnly to) => Cite([instrument], from, to);

    /// <summary>
    /// The methodology (with the return type and the dividend information used, for endpoints that have a return type;
    /// marked when synthetic data entered) and every batch cited so far.
    /// </summary>
    public CitedSources Sources(string methodology)
    {
        var sources = _cited.Select(id => SourceResponses.From(snapshot.Sources[id])).ToList();
        return new CitedSources(SourceResponses.Label(methodology + ReturnTypeStatement(), sources), sources);
    }

    private string ReturnTypeStatement()
    {
        if (returnType is null)
        {
            return string.Empty;
        }

        if (returnType == ReturnType.Price)
        {
            return " Price returns (returnType=price): closes only, dividends are left out.";
        }

        var information = (_usedDividends, _usedAdjustedCloses) switch
        {
            (true, true) => "stored cash dividends and, on days whose source reported no dividends, the provider's dividend-adjusted close",
            (false, true) => "the provider's dividend-adjusted close (the only dividend information stored for these dates)",
            _ => "stored cash dividends from sources that report them (a day without one had none)",
        };
        return " Total returns (returnType=total): a total-return index TR(first) = C(first), TR(t) = TR(t−1)·(C(t) + D(t))/C(t−1), " +
               $"D(t) = cash dividend with ex-date t, built from {information}; prices shown are index levels (TR = close on the " +
               "instrument's first stored date).";
    }
}

/// <summary>The methodology sentence (marked when synthetic data entered) and the cited sources.</summary>
public sealed record CitedSources(string Methodology, IReadOnlyList<SourceResponse> Sources);

/// <summary>Instruments compared with a benchmark over a window of dates (<see cref="MarketQuery.ComparisonWindow"/>).</summary>
public sealed record ComparisonWindow(SnapshotInstrument Benchmark, IReadOnlyList<SnapshotInstrument> Symbols, DateOnly From, DateOnly To);

public static class SourceResponses
{
    private const string SyntheticNote = " Built on SYNTHETIC demo data (not market prices).";

    public static SourceResponse From(SnapshotSource s) => new(
        s.Id, s.Provider, s.ProviderSymbol, s.Url, s.RetrievedAt, s.PriceKind, s.FirstDate, s.LastDate, s.Attribution, s.IsSynthetic);

    /// <summary>A result resting on any synthetic source says so in its methodology.</summary>
    public static string Label(string methodology, IReadOnlyList<SourceResponse> sources) =>
        sources.Any(s => s.Synthetic) ? methodology + SyntheticNote : methodology;
}
