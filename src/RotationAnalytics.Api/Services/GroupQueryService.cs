using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;

namespace RotationAnalytics.Api.Services;

/// <summary>The groups and their members, from the snapshot (so answers and ETags follow the data version).</summary>
public sealed class GroupQueryService(QueryPipeline pipeline)
{
    public CachedAnswer<IReadOnlyList<GroupResponse>> List(string cacheKey) =>
        pipeline.Answer(cacheKey, market => new QueryResult<IReadOnlyList<GroupResponse>>(market.Snapshot.Instruments
            .SelectMany(i => i.Groups.Select(g => (Group: g.ToLowerInvariant(), i.Symbol)))
            .GroupBy(p => p.Group, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupResponse(g.Key, [.. g.Select(p => p.Symbol).Distinct().Order(StringComparer.Ordinal)]))
            .ToList()));

    public CachedAnswer<GroupResponse> Get(string name, string cacheKey) =>
        pipeline.Answer<GroupResponse>(cacheKey, market =>
        {
            var members = market.ResolveGroup("name", name);
            return members.Error is { } unknown
                ? unknown
                : new GroupResponse(name.ToLowerInvariant(), [.. members.Value!.Select(i => i.Symbol).Order(StringComparer.Ordinal)]);
        });
}
