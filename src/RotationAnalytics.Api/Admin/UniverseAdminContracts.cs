namespace RotationAnalytics.Api.Admin;

/// <summary>Body of <c>POST /admin/instruments</c>.</summary>
/// <param name="Symbol">Canonical symbol, <c>[A-Z0-9.^-]{1,15}</c> (given in any case, stored upper-case), e.g. HBAN.</param>
/// <param name="Name">Display name, e.g. Huntington Bancshares.</param>
/// <param name="Kind"><c>index</c>, <c>etf</c> or <c>stock</c>.</param>
/// <param name="Currency">ISO 4217 code, e.g. USD.</param>
/// <param name="Sector">Optional GICS sector name, e.g. Financials.</param>
/// <param name="Groups">Groups it joins, e.g. regional-banks.</param>
/// <param name="Aliases">Other spellings accepted in symbol parameters.</param>
/// <param name="ProviderSymbols">
/// Per-provider symbols (yahoo, stooq, alphavantage, tiingo, polygon) over the defaults derived from the symbol; a null
/// value means the provider does not serve it.
/// </param>
public sealed record AddInstrumentRequest(
    string? Symbol,
    string? Name,
    string? Kind,
    string? Currency,
    string? Sector,
    IReadOnlyList<string>? Groups,
    IReadOnlyList<string>? Aliases,
    IReadOnlyDictionary<string, string?>? ProviderSymbols);

/// <summary>A link to an ingestion run started for the caller.</summary>
public sealed record RunLink(long Id, string Href);

/// <summary>An instrument as admins manage it: with its provider symbols and retirement.</summary>
/// <param name="BackfillRun">The backfill run queued when it was added (POST only).</param>
public sealed record AdminInstrumentResponse(
    string Symbol,
    string Name,
    string Kind,
    string Currency,
    string? Sector,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Aliases,
    IReadOnlyDictionary<string, string> ProviderSymbols,
    bool Retired,
    DateTimeOffset? RetiredAt,
    RunLink? BackfillRun);

/// <summary>Body of <c>PUT /admin/groups/{name}</c>: the complete member list.</summary>
/// <param name="Members">Symbols or aliases of stored instruments; at least one.</param>
public sealed record PutGroupRequest(IReadOnlyList<string>? Members);
