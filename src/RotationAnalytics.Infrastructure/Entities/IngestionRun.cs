namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>One execution of the ingestion pipeline, whatever triggered it.</summary>
public class IngestionRun
{
    public long Id { get; set; }

    /// <summary><c>scheduled</c>, <c>backfill</c>, <c>manual</c>, <c>cli</c>, <c>startup</c>.</summary>
    public required string Trigger { get; set; }

    /// <summary>
    /// <c>queued</c>, <c>running</c>, <c>succeeded</c>, <c>partial</c>, <c>failed</c>, <c>cancelled</c>, <c>interrupted</c>.
    /// </summary>
    public required string Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public List<IngestionRunSymbol> Symbols { get; set; } = [];

    /// <summary>Instruments the run covers, known once it has started; the recorded symbols are the ones done.</summary>
    public int? SymbolsTotal { get; set; }

    /// <summary>Set by <c>DELETE /admin/ingestion/runs/{id}</c> on any process; the executing process stops after the current symbols.</summary>
    public bool CancelRequested { get; set; }

    public string? Error { get; set; }
}
