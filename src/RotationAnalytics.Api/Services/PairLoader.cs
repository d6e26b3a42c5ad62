using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Infrastructure.Entities;
using RotationAnalytics.Infrastructure.Reading;

namespace RotationAnalytics.Api.Services;

/// <summary>A symbol and its benchmark resolved, loaded in one query and aligned on their common dates.</summary>
public sealed record LoadedPair(Instrument Symbol, Instrument Benchmark, AlignedPair Pair, StoredSeries SymbolSeries, StoredSeries BenchmarkSeries);

/// <summary>First step of /streaks: both symbols resolved (and distinct), loaded in one query, aligned.</summary>
public static class PairLoader
{
    public static async Task<QueryResult<LoadedPair>> LoadAsync(
        MarketDataReader reader, string symbol, string benchmark, DateOnly? through, CancellationToken cancellationToken)
    {
        var directory = await InstrumentDirectory.LoadAsync(reader, cancellationToken);
        if (directory.Find(symbol) is not { } a)
        {
            return QueryError.UnknownSymbol("symbol", symbol);
        }

        if (directory.Find(benchmark) is not { } b)
        {
            return QueryError.UnknownSymbol("benchmark", benchmark);
        }

        if (a.Id == b.Id)
        {
            return new QueryError(StatusCodes.Status400BadRequest, "benchmark", $"The benchmark must differ from the symbol ({a.Symbol}).");
        }

        var series = await reader.GetSeriesAsync([a.Id, b.Id], through, cancellationToken);
        var aligned = AlignedPair.Align(series[a.Id].Bars, series[b.Id].Bars);
        if (!aligned.IsSuccess)
        {
            return QueryError.FromDomain(aligned.Error, ParameterMap("symbol", through));
        }

        if (aligned.Value.Count == 0)
        {
            return new QueryError(
                StatusCodes.Status422UnprocessableEntity, through is null ? "symbol" : "asOf",
                $"{a.Symbol} and {b.Symbol} have no common trading dates{(through is { } t ? $" up to {t:yyyy-MM-dd}" : string.Empty)}.");
        }

        return new LoadedPair(a, b, aligned.Value, series[a.Id], series[b.Id]);
    }

    /// <summary>
    /// Maps the domain's names for a pair computation's inputs to the query parameters that chose them: series A is the
    /// <paramref name="symbolParameter"/>, B the benchmark; "not enough common history" concerns asOf when the data was
    /// cut at asOf, else the symbol.
    /// </summary>
    public static Func<DomainInput, string> ParameterMap(string symbolParameter, DateOnly? asOf) => input => input switch
    {
        DomainInput.Pair when asOf is not null => "asOf",
        DomainInput.SeriesA or DomainInput.Pair or DomainInput.Series => symbolParameter,
        DomainInput.SeriesB => "benchmark",
        _ => QueryParameterNames.Default(input),
    };
}
