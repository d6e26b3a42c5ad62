namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>One execution of the ingestion pipeline, whatever triggered it.</summary>
public class IngestionRun
{
    public long Id { get; set; }

    /// <summary><c>scheduled</c>, <c>backfill</c>, <c>manual</c>, <c>cli</c>, <c>startup</c>.</summary>
    public required string Trigger { get; set; }

    /// <summary><c>running</c>, <c>succeeded</c>, <c>partial</c>, <c>failed</c>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public List<IngestionRunSymbol> Symbols { get; set; } = [];

    public string? Error { get; set; }
}
