using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;

namespace RotationAnalytics.Api.Briefs;

/// <summary>
/// Collects a brief's sections and claims and numbers its references in order of first use: a query URL or a source
/// batch cited twice keeps its first number. Each claim cites its queries first, then the sources of its bars.
/// </summary>
internal sealed class BriefWriter(BriefLanguage language, MarketQuery market)
{
    private readonly List<BriefSectionResponse> _sections = [];
    private readonly List<BriefReferenceResponse> _references = [];
    private readonly Dictionary<string, int> _queries = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _sources = [];
    private List<BriefClaimResponse> _claims = [];
    private string? _heading;

    public IReadOnlyList<BriefReferenceResponse> References => _references;

    public BriefLanguage Language => language;

    public void Section(string headingKey)
    {
        Close();
        _heading = language.Heading(headingKey);
        _claims = [];
    }

    /// <summary>A sentence citing the queries that reproduce its figures and the source batches of its bars.</summary>
    public void Claim(string text, IEnumerable<string> queries, IEnumerable<long> sourceIds)
    {
        var numbers = new List<int>();
        foreach (var url in queries)
        {
            numbers.Add(Number(_queries, url, n => new BriefReferenceResponse(n, BriefReferenceResponse.QueryKind, url)));
        }

        foreach (var id in sourceIds)
        {
            numbers.Add(Number(_sources, id, n =>
            {
                var s = market.Snapshot.Sources[id];
                return new BriefReferenceResponse(
                    n, BriefReferenceResponse.SourceKind, s.Url, s.Id, s.Provider, s.ProviderSymbol, s.RetrievedAt, s.PriceKind,
                    s.FirstDate, s.LastDate, s.Attribution, s.IsSynthetic);
            }));
        }

        _claims.Add(new BriefClaimResponse(text, numbers.Distinct().ToList()));
    }

    /// <summary>A section that states, and cites, nothing (the closing line).</summary>
    public void Statement(string headingKey, string text)
    {
        Close();
        _sections.Add(new BriefSectionResponse(language.Heading(headingKey), text, []));
        _heading = null;
    }

    public IReadOnlyList<BriefSectionResponse> Sections()
    {
        Close();
        return _sections;
    }

    private void Close()
    {
        if (_heading is not null && _claims.Count > 0)
        {
            var text = language.Join(_claims.Select(c => c.Text + string.Concat(c.References.Select(n => $"[{n}]"))));
            _sections.Add(new BriefSectionResponse(_heading, text, _claims));
        }

        _heading = null;
    }

    private int Number<TKey>(Dictionary<TKey, int> numbers, TKey key, Func<int, BriefReferenceResponse> reference)
        where TKey : notnull
    {
        if (!numbers.TryGetValue(key, out var n))
        {
            n = _references.Count + 1;
            numbers[key] = n;
            _references.Add(reference(n));
        }

        return n;
    }
}
