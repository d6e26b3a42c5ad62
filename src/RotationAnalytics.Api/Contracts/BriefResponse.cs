using System.Text.Json.Serialization;

namespace RotationAnalytics.Api.Contracts;

/// <summary>
/// The rotation brief (SPEC §3.10; shape fixed by SPEC §5): an analyst's note in one language whose every claim cites
/// numbered references, each a query (the API request that reproduces the figure) or a source batch.
/// </summary>
public sealed record BriefResponse(
    string Symbol,
    string Benchmark,
    DateOnly AsOf,
    DateOnly From,
    IReadOnlyList<string> Compare,
    string Lang,
    string Title,
    IReadOnlyList<BriefSectionResponse> Sections,
    IReadOnlyList<BriefReferenceResponse> References,
    string Methodology);

/// <summary>A section: its text is its claims in order, each followed by its markers ([1][2]).</summary>
public sealed record BriefSectionResponse(string Heading, string Text, IReadOnlyList<BriefClaimResponse> Claims);

/// <summary>One sentence (without markers) and the numbers of the references it cites.</summary>
public sealed record BriefClaimResponse(string Text, IReadOnlyList<int> References);

/// <summary>
/// Reference <see cref="N"/>: <c>kind</c> "query" (a relative URL of this API) or "source" (a source batch, SPEC §1,
/// with the fields of <c>sources</c> elsewhere; absent for a query).
/// </summary>
public sealed record BriefReferenceResponse(
    int N,
    string Kind,
    string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Provider = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ProviderSymbol = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? RetrievedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PriceKind = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? FirstDate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? LastDate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Attribution = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Synthetic = null)
{
    public const string QueryKind = "query";

    public const string SourceKind = "source";
}
