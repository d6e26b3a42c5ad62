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
    /// <summary>Accepted by the admin API, waiting in the run queue (or for another process's run to finish).</summary>
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Partial = "partial";
    public const string Failed = "failed";

    /// <summary>Stopped by <c>DELETE /admin/ingestion/runs/{id}</c>; the batches committed before stay.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The process executing it stopped (shutdown or crash) before it finished.</summary>
    public const string Interrupted = "interrupted";
}

/// <summary>Why a request cannot run, as a value: the request field at fault and the reason.</summary>
public sealed record IngestionRequestError(string Field, string Message);

/// <summary>The finished run: its id and final status.</summary>
public sealed record IngestionRunOutcome(long RunId, string Status);
