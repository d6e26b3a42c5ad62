using RotationAnalytics.Infrastructure.BarWriting;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>One source of daily bars (an HTTP API, a CSV folder, the synthetic demo universe).</summary>
public interface IDailyBarProvider
{
    /// <summary>Provider id as stored on source batches and in <c>provider_symbols</c>, e.g. <c>yahoo</c>, <c>csv</c>.</summary>
    string Id { get; }

    /// <summary>Why the provider cannot be used (e.g. its API key is not configured), or null when it can.</summary>
    string? UnavailableReason { get; }

    /// <summary>How this provider spells the instrument, or null when it does not serve it.</summary>
    string? ResolveSymbol(InstrumentInfo instrument);

    /// <summary>Fetches and parses the bars; throws <see cref="ProviderException"/> for error bodies and failed requests.</summary>
    Task<ProviderResponse> FetchAsync(BarRequest request, CancellationToken cancellationToken);
}

/// <summary>The instrument as ingestion sees it: canonical symbol, kind and per-provider spellings.</summary>
public sealed record InstrumentInfo(int Id, string Symbol, string Kind, IReadOnlyDictionary<string, string> ProviderSymbols)
{
    /// <summary>Indexes have no volume; a missing volume is an anomaly only for ETFs and stocks.</summary>
    public bool HasVolume => Kind != "index";
}

/// <summary>A request for the bars of one instrument in [<see cref="From"/>, <see cref="To"/>] (exchange-local dates).</summary>
public sealed record BarRequest(InstrumentInfo Instrument, string ProviderSymbol, DateOnly From, DateOnly To);

/// <summary>
/// One row as received. Unparsable or missing prices are NaN and an unparsable date is null, so that validation (not
/// parsing) decides and records why a row is rejected.
/// </summary>
public sealed record ReceivedBar(
    string RawRow, DateOnly? Date, double Open, double High, double Low, double Close, double? AdjustedClose, double? Volume);

/// <summary>
/// A dividend (<see cref="Value"/> = cash amount per share) or split (<see cref="Value"/> = new shares per old share) as
/// received; an unparsable date is null and an unparsable value NaN, for validation to reject with a reason.
/// </summary>
public sealed record ReceivedCorporateAction(string RawRow, CorporateActionKind Kind, DateOnly? ExDate, double Value);

/// <summary>A parsed provider response and its provenance.</summary>
public sealed record ProviderResponse
{
    /// <summary>Where the bars came from; the URL has its secrets redacted.</summary>
    public required SourceProvenance Provenance { get; init; }

    public required IReadOnlyList<ReceivedBar> Bars { get; init; }

    /// <summary>Dividends and splits the response reports; <see cref="SourceProvenance.CorporateActionsReported"/> says whether it reports them at all.</summary>
    public IReadOnlyList<ReceivedCorporateAction> CorporateActions { get; init; } = [];
}

/// <summary>A provider could not deliver bars: error body (also with HTTP 200), HTTP failure, or unreadable payload.</summary>
public sealed class ProviderException : Exception
{
    public ProviderException()
    {
    }

    public ProviderException(string message)
        : base(message)
    {
    }

    public ProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The failure without the request's details (e.g. <c>connection failed (NameResolutionError)</c>, <c>HTTP 503</c>),
    /// or null when the message is all there is. A run reports a provider outage once, not once per symbol.
    /// </summary>
    public string? Fault { get; init; }
}
