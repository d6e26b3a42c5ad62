namespace RotationAnalytics.Ingestion.Runs;

/// <summary>What one ingestion run does. Without a source (CSV folder, demo, provider) it uses the online chain.</summary>
public sealed record IngestionRequest
{
    /// <summary>Stored on the run: <c>scheduled</c>, <c>backfill</c>, <c>manual</c>, <c>cli</c>, <c>startup</c>.</summary>
    public required string Trigger { get; init; }

    /// <summary>Canonical symbols or aliases; null means every instrument the source serves.</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>Use only this online provider (id, e.g. <c>yahoo</c>) instead of the fallback chain.</summary>
    public string? Provider { get; init; }

    public string? CsvDirectory { get; init; }

    public bool Demo { get; init; }

    /// <summary>First date to ask for; null means incremental (last stored date minus the overlap, or the backfill start).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last date to ask for; null means exchange-local today.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Wait for a run held by another process (true) or give up at once (false).</summary>
    public bool WaitForLock { get; init; } = true;
}

/// <summary>Status values of <c>ingestion_runs.status</c>.</summary>
public static class IngestionRunStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Partial = "partial";
    public const string Failed = "failed";
}

/// <summary>The finished run: its id and final status.</summary>
public sealed record IngestionRunOutcome(long RunId, string Status);
