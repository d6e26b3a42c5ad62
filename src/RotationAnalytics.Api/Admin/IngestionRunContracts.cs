namespace RotationAnalytics.Api.Admin;

/// <summary>Body of <c>POST /admin/ingestion/runs</c>; every field is optional.</summary>
/// <param name="Symbols">Canonical symbols or aliases; omitted means every instrument.</param>
/// <param name="Provider">One provider id (yahoo, stooq, alphavantage, tiingo, polygon, demo) instead of the fallback chain.</param>
/// <param name="From">First date to request; omitted means incremental (last stored date minus the overlap).</param>
/// <param name="To">Last date to request; omitted means today (New York).</param>
public sealed record StartIngestionRunRequest(IReadOnlyList<string>? Symbols, string? Provider, DateOnly? From, DateOnly? To);

/// <summary>Row counts of a run or of one symbol in it.</summary>
public sealed record IngestionRowCounts(int Received, int Stored, int Rejected, int Flagged, int Revised);

/// <summary>Per-symbol outcome of a run.</summary>
public sealed record IngestionRunSymbolResponse(string Symbol, string? Provider, IngestionRowCounts Rows, string? Error);

/// <summary>How far a run has come: instruments done of the total (null until it starts).</summary>
public sealed record IngestionRunProgress(int SymbolsDone, int? SymbolsTotal);

/// <summary>One ingestion run; <see cref="Symbols"/> is filled on the single-run endpoint only.</summary>
/// <param name="Status">queued, running, succeeded, partial, failed, cancelled or interrupted.</param>
/// <param name="Rows">Rows so far (all rows once it has ended).</param>
/// <param name="CancelRequested">A cancellation was asked; a running run stops after the symbols in flight.</param>
public sealed record IngestionRunResponse(
    long Id,
    string Trigger,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    double? DurationSeconds,
    string? Error,
    IngestionRowCounts Rows,
    IngestionRunProgress Progress,
    bool CancelRequested,
    IReadOnlyList<IngestionRunSymbolResponse>? Symbols);
