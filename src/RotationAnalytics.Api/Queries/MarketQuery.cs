using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Infrastructure.Snapshot;

namespace RotationAnalytics.Api.Queries;

/// <summary>
/// One request's view of the market, all from one snapshot: resolving symbols and groups (aliases, any case,
/// duplicates answered once, unknown → 404 naming the parameter), cutting series at as-of dates, aligning pairs,
/// and collecting the source batches of the bars that entered the answer for its <c>sources</c>.
/// </summary>
public sealed class MarketQuery(MarketSnapshot snapshot)
{
    private readonly SortedSet<long> _cited = [];

    public MarketSnapshot Snapshot => snapshot;

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
        return aligned.Error is { } alignError ? alignError : (a.Value!, b.Value!, aligned.Value!);
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

    public QueryResult<IReadOnlyList<SnapshotInstrument>> ResolveGroup(string parameter, string group)
    {
        var members = snapshot.GroupMembers(group);
        return members.Count > 0
            ? new QueryResult<IReadOnlyList<SnapshotInstrument>>(members)
            : new QueryError(StatusCodes.Status404NotFound, parameter, $"No instrument belongs to group '{group}'.");
    }

    public InstrumentSeries Series(SnapshotInstrument instrument) => snapshot.Series(instrument);

    /// <summary>The bars dated on or before <paramref name="through"/> (all when null), without copying.</summary>
    public ArraySegment<PriceBar> Bars(SnapshotInstrument instrument, DateOnly? through) => snapshot.Series(instrument).Through(through);

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

    /// <summary>Cites the bars of the instruments dated in [from, to]; returns their batch ids for a sourceIds field.</summary>
    public long[] Cite(IEnumerable<SnapshotInstrument> instruments, DateOnly from, DateOnly to)
    {
        var ids = new SortedSet<long>();
        foreach (var instrument in instruments)
        {
            snapshot.Series(instrument).AddSources(ids, from, to);
        }

        _cited.UnionWith(ids);
        return [.. ids];
    }

    public long[] Cite(SnapshotInstrument instrument, DateOnly from, DateOnly to) => Cite([instrument], from, to);

    /// <summary>The methodology (marked when synthetic data entered) and every batch cited so far.</summary>
    public CitedSources Sources(string methodology)
    {
        var sources = _cited.Select(id => SourceResponses.From(snapshot.Sources[id])).ToList();
        return new CitedSources(SourceResponses.Label(methodology, sources), sources);
    }
}

/// <summary>The methodology sentence (marked when synthetic data entered) and the cited sources.</summary>
public sealed record CitedSources(string Methodology, IReadOnlyList<SourceResponse> Sources);

public static class SourceResponses
{
    private const string SyntheticNote = " Built on SYNTHETIC demo data (not market prices).";

    public static SourceResponse From(SnapshotSource s) => new(
        s.Id, s.Provider, s.ProviderSymbol, s.Url, s.RetrievedAt, s.PriceKind, s.FirstDate, s.LastDate, s.Attribution, s.IsSynthetic);

    /// <summary>A result resting on any synthetic source says so in its methodology.</summary>
    public static string Label(string methodology, IReadOnlyList<SourceResponse> sources) =>
        sources.Any(s => s.Synthetic) ? methodology + SyntheticNote : methodology;
}
