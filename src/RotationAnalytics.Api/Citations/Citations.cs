using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Infrastructure.Entities;
using RotationAnalytics.Infrastructure.Reading;

namespace RotationAnalytics.Api.Citations;

/// <summary>
/// Collects, while a result is assembled, which source batches each figure group rests on, then loads just those
/// batches once for the response's <c>sources</c>.
/// </summary>
public sealed class Citations
{
    private readonly SortedSet<long> _all = [];

    /// <summary>Cites the bars of <paramref name="series"/> dated in [from, to]; returns their batch ids for a sourceIds field.</summary>
    public long[] Cite(StoredSeries series, DateOnly from, DateOnly to) => Cite([series], from, to);

    public long[] Cite(IEnumerable<StoredSeries> series, DateOnly from, DateOnly to)
    {
        var ids = new SortedSet<long>();
        foreach (var s in series)
        {
            ids.UnionWith(s.SourcesBetween(from, to));
        }

        _all.UnionWith(ids);
        return [.. ids];
    }

    public async Task<CitedSources> LoadAsync(MarketDataReader reader, string methodology, CancellationToken cancellationToken)
    {
        var batches = await reader.GetSourceBatchesAsync(_all, cancellationToken);
        var sources = batches.Select(SourceResponses.From).ToList();
        return new CitedSources(SourceResponses.Label(methodology, sources), sources);
    }
}

public static class SourceResponses
{
    private const string SyntheticNote = " Built on SYNTHETIC demo data (not market prices).";

    public static SourceResponse From(SourceBatch b) => new(
        b.Id, b.Provider, b.ProviderSymbol, b.Url, b.RetrievedAt, b.PriceKind.ToString().ToLowerInvariant(),
        b.FirstDate, b.LastDate, b.Attribution, b.IsSynthetic);

    /// <summary>A result resting on any synthetic source says so in its methodology.</summary>
    public static string Label(string methodology, IReadOnlyList<SourceResponse> sources) =>
        sources.Any(s => s.Synthetic) ? methodology + SyntheticNote : methodology;
}

/// <summary>The methodology sentence (marked when synthetic data entered) and the cited sources.</summary>
public sealed record CitedSources(string Methodology, IReadOnlyList<SourceResponse> Sources);
