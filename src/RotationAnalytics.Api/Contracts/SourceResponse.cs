namespace RotationAnalytics.Api.Contracts;

/// <summary>
/// One source batch whose bars entered a result (SPEC §4): a provider response or file, with when and how it was
/// retrieved. <see cref="Id"/> is the stored batch id, stable across responses; figure groups cite it in sourceIds.
/// </summary>
public sealed record SourceResponse(
    long Id,
    string Provider,
    string ProviderSymbol,
    string Url,
    DateTimeOffset RetrievedAt,
    string PriceKind,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    string Attribution,
    bool Synthetic);
