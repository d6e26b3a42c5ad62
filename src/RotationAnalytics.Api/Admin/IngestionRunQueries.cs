using Microsoft.EntityFrameworkCore;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Api.Admin;

/// <summary>Reads recorded ingestion runs for the admin endpoints.</summary>
public static class IngestionRunQueries
{
    public static async Task<IReadOnlyList<IngestionRunResponse>> ListRunsAsync(this RotationDbContext db, int limit, CancellationToken cancellationToken)
    {
        var runs = await db.IngestionRuns.Include(r => r.Symbols).OrderByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. runs.Select(r => ToResponse(r, withSymbols: false))];
    }

    public static async Task<IngestionRunResponse?> FindRunAsync(this RotationDbContext db, long id, CancellationToken cancellationToken)
    {
        var run = await db.IngestionRuns.Include(r => r.Symbols).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null ? null : ToResponse(run, withSymbols: true);
    }

    private static IngestionRunResponse ToResponse(IngestionRun run, bool withSymbols) => new(
        run.Id,
        run.Trigger,
        run.Status,
        run.StartedAt,
        run.FinishedAt,
        (run.FinishedAt - run.StartedAt)?.TotalSeconds,
        run.Error,
        new IngestionRowCounts(
            run.Symbols.Sum(s => s.RowsReceived), run.Symbols.Sum(s => s.RowsStored), run.Symbols.Sum(s => s.RowsRejected),
            run.Symbols.Sum(s => s.RowsFlagged), run.Symbols.Sum(s => s.RowsRevised)),
        new IngestionRunProgress(run.Symbols.Count, run.SymbolsTotal),
        run.CancelRequested,
        withSymbols
            ? [.. run.Symbols.OrderBy(s => s.Symbol, StringComparer.Ordinal).Select(s => new IngestionRunSymbolResponse(
                s.Symbol, s.Provider, new IngestionRowCounts(s.RowsReceived, s.RowsStored, s.RowsRejected, s.RowsFlagged, s.RowsRevised), s.Error))]
            : null);
}
